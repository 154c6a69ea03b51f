import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitiesIn, fictitiousIds, fictitiousPhones } from '../../../test-support/fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { XLSX_TYPE } from './persons.xlsx.js';

const idNumber = fictitiousIds({ fromYear: 1990, sequence: 820 });
const phone = fictitiousPhones('132');

/** A workbook the way an official fills it: the template's first sheet, one person a row. */
async function workbook(template: Buffer, rows: Array<Array<string | Date>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  rows.forEach((cells, i) => sheet.getRow(i + 2).values = cells);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe.each(ENGINES)('person import from .xlsx on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let grid: string;
  let grids: string[];
  let template: Buffer;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, grid] = await Promise.all([t.login('haizhou'), t.login('grid')]);
    grids = await communitiesIn(t.db.kysely, '320706', 3);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/persons/import-template.xlsx', headers: { cookie: haizhou } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain(XLSX_TYPE);
    template = response.rawPayload;
  });
  afterAll(() => t.close());

  const upload = (cookie: string, bytes: Buffer, mode?: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/persons/import${mode ? `?mode=${mode}` : ''}`, headers: { cookie, 'content-type': XLSX_TYPE }, payload: bytes });
  const count = async () => Number((await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const person = (gridCode: string, category = '密切接触者') => {
    const n = (serial += 1);
    return { idNumber: idNumber(n), row: [`导入${n}`, idNumber(n), phone(n), gridCode, category, '海州区演示路1号', '', '2022-08-01', '', '', ''] as Array<string | Date> };
  };

  it('offers a template with the list sheet, 说明, the categories and the grids of the ground', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['人员名单', '说明', '人员类别', '网格代码']);
    expect(book.worksheets[0]!.getRow(1).getCell(2).value).toBe('身份证号*');
    const codes = book.getWorksheet('网格代码')!.getColumn(1).values.slice(2) as string[];
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.every((c) => c.startsWith('320706'))).toBe(true);
    expect(book.getWorksheet('人员类别')!.getColumn(2).values).toContain('close_contact');
  });

  it('imports the rows of a filled template, categories by name and dates typed as dates, with one audit row', async () => {
    const before = await count();
    const a = person(grids[0]!);
    const b = person(grids[1]!, 'confirmed');
    b.row[7] = '';
    b.row[8] = new Date(Date.UTC(2022, 7, 3));
    const response = await upload(haizhou, await workbook(template, [a.row, b.row]));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ mode: 'all_or_nothing', imported: 2, rejected: 0, errors: [], truncated: false });
    expect(await count()).toBe(before + 2);
    const found = (await t.app.inject({ method: 'POST', url: '/api/v1/persons/search', headers: { cookie: haizhou }, payload: { q: b.idNumber } })).json().items;
    expect(found).toEqual([expect.objectContaining({ category: 'confirmed', sampleDate: '2022-08-03' })]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'person.import').execute();
    expect(audit.map((row) => JSON.parse(row.detail!))).toContainEqual(expect.objectContaining({ format: 'xlsx', mode: 'all_or_nothing', rows: 2, rejected: 0, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }));
  });

  it('writes nothing when a row is bad, all or nothing; names the row and field; shows no full identifier', async () => {
    const before = await count();
    const good = person(grids[0]!);
    const badId = person(grids[0]!);
    badId.row[1] = `${String(badId.row[1]).slice(0, 17)}${String(badId.row[1]).endsWith('1') ? '2' : '1'}`;
    const foreign = person('320703001001');
    const response = await upload(haizhou, await workbook(template, [good.row, badId.row, foreign.row, good.row]));
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('import_rejected');
    expect(problem.errors.map((e: { row: number; field: string; code: string }) => `${e.row}:${e.field}:${e.code}`)).toEqual(['3:idNumber:invalid', '4:gridCode:outside_ground', '5:idNumber:duplicate_in_file']);
    expect(response.body).not.toContain(good.idNumber);
    expect(await count()).toBe(before);
  });

  it('imports the valid rows and reports the others when asked to', async () => {
    const before = await count();
    const good = person(grids[2]!);
    const foreign = person('320703001001');
    const unknown = person(grids[0]!, '外星人');
    const response = await upload(haizhou, await workbook(template, [good.row, foreign.row, unknown.row]), 'valid_rows_only');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ mode: 'valid_rows_only', imported: 1, rejected: 2, truncated: false });
    expect(response.json().errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['3:gridCode', '4:category']);
    expect(await count()).toBe(before + 1);
    // The person imported counts on the dashboard at once.
    const board = (await t.app.inject({ method: 'GET', url: `/api/v1/epidemic/dashboard?regionCode=${grids[2]}`, headers: { cookie: haizhou } })).json();
    expect(board.totals.managed).toBeGreaterThanOrEqual(1);
  });

  it("keeps a grid worker's import inside their grid", async () => {
    const own = JSON.parse((await t.db.kysely.selectFrom('users').select('ground_region_codes').where('username', '=', 'grid').executeTakeFirstOrThrow()).ground_region_codes)[0] as string;
    const other = grids.find((g) => g !== own)!;
    const response = await upload(grid, await workbook(template, [person(own).row, person(other).row]));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ row: 3, field: 'gridCode', code: 'outside_ground' })]);
  });

  it('refuses what is not a workbook, a bad mode and a wrong header, writing nothing', async () => {
    const before = await count();
    const notXlsx = await upload(haizhou, Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().code).toBe('import_invalid_file');
    expect((await upload(haizhou, await workbook(template, [person(grids[0]!).row]), 'sometimes')).statusCode).toBe(400);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('名单').addRows([['姓名', '鞋码'], ['张三', '42']]);
    const wrong = await upload(haizhou, Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toContain('鞋码:unknown_column');
    expect(await count()).toBe(before);
    const auditor = await t.login('leader');
    expect((await upload(auditor, await workbook(template, [person(grids[0]!).row]))).statusCode).toBe(403);
  });
});
