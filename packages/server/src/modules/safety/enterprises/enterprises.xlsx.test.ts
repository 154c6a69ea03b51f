import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { creditCodeCheckChar } from '@shoutu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ['统一社会信用代码*', '企业名称*', '行业代码*', '所在村（社区）代码*', '所在园区', '企业规模', '涉及危险化学品', '有重大危险源', '主要负责人', '主要负责人手机', '安全管理人员', '安全管理人员手机'];
const HAIZHOU_COMMUNITY = '320706010002';
const LIANYUN_COMMUNITY = '320703001001';

function creditCode(n: number): string {
  const first17 = `91320706QB${String(n).padStart(6, '0')}R`;
  return first17 + creditCodeCheckChar(first17);
}

async function workbook(rows: unknown[][], headers = HEADERS): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业档案');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  book.addWorksheet('说明').addRow(['这一页不导入']);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return book;
}

/** A zip archive built by hand, for the hostile inputs a spreadsheet library would not write. */
function zip(entries: Array<{ name: string; data: Buffer; declaredSize?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const body = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(entry.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(entry.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Spreadsheet import and export of the register (issue 3; SECURITY.md rows 18, 21, 26). */
describe.each(ENGINES)('enterprise import and export on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let admin: string;
  let serial = engine === 'sqlite' ? 0 : 500_000;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun, admin] = (await Promise.all(['haizhou', 'lianyun', 'admin'].map((u) => t.login(u)))) as [string, string, string];
  });
  afterAll(() => t.close());

  const upload = (cookie: string, bytes: Buffer, mode?: string, contentType = XLSX) =>
    t.app.inject({ method: 'POST', url: `/api/v1/enterprises/import${mode ? `?mode=${mode}` : ''}`, headers: { cookie, 'content-type': contentType }, payload: bytes });
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
  const registered = async (codes: string[]) =>
    (await t.db.kysely.selectFrom('enterprises').select('credit_code').where('credit_code', 'in', codes).execute()).map((r) => r.credit_code).sort();
  const row = (code: string, overrides: Partial<Record<number, unknown>> = {}) => {
    const values: unknown[] = [code, `导入测试企业${code.slice(-6)}`, 'C26 化学原料和化学制品制造业', HAIZHOU_COMMUNITY, '导入测试园', '中型', '是', '否', '诸葛亮', 13912340000 + (serial % 9000), '李四', '138 0518 0000'];
    for (const [index, value] of Object.entries(overrides)) values[Number(index)] = value;
    return values;
  };
  const codes = (n: number) => Array.from({ length: n }, () => creditCode(++serial));
  const countRows = async (table: 'enterprises' | 'enterprise_supervisors') => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  describe('the template', () => {
    it('is an .xlsx with Chinese headers, a 说明 sheet, the industry codes and only the communities of the ground', async () => {
      const response = await get(haizhou, '/enterprises/import-template.xlsx');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="enterprise-import-template\.xlsx"; filename\*=UTF-8''/);
      const book = await readBook(response.rawPayload);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['企业档案', '说明', '行业代码', '村（社区）代码']);
      expect((book.getWorksheet('企业档案')!.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
      const communities = book.getWorksheet('村（社区）代码')!.getColumn(1).values.slice(2) as string[];
      expect(communities).toContain(HAIZHOU_COMMUNITY);
      expect(communities.every((code) => code.startsWith('320706') && code.length === 12)).toBe(true);
      expect(book.getWorksheet('行业代码')!.getColumn(1).values).toContain('C26');
    });

    it('imports back unchanged when filled in', async () => {
      const template = await readBook((await get(haizhou, '/enterprises/import-template.xlsx')).rawPayload);
      const [code] = codes(1);
      template.getWorksheet('企业档案')!.addRow(row(code!));
      const response = await upload(haizhou, Buffer.from((await template.xlsx.writeBuffer()) as ArrayBuffer));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ mode: 'all_or_nothing', total: 1, imported: 1, rejected: 0, errors: [], errorReportId: null });
    });
  });

  describe('importing', () => {
    it('all_or_nothing: one bad row and nothing is written, 422 with the row errors and a downloadable report', async () => {
      const [a, b, c] = codes(3);
      const bad = a!.slice(0, 17) + (a![17] === '0' ? '1' : '0');
      const file = await workbook([row(b!), row(bad), row(c!, { 3: LIANYUN_COMMUNITY, 9: '0518-1234' })]);
      const before = await countRows('enterprises');
      const response = await upload(haizhou, file, 'all_or_nothing');
      expect(response.statusCode, response.body).toBe(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = response.json();
      expect(body).toMatchObject({ code: 'import_has_errors', status: 422, mode: 'all_or_nothing', total: 3, imported: 0, rejected: 2, errorsTruncated: false });
      expect(body.message['zh-CN']).toMatch(/未导入/);
      expect(body.errors).toEqual([
        { row: 3, column: '统一社会信用代码', field: 'creditCode', code: 'invalid', message: { 'zh-CN': expect.any(String), en: expect.any(String) } },
        { row: 4, column: '所在村（社区）代码', field: 'regionCode', code: 'outside_ground', message: expect.any(Object) },
        { row: 4, column: '主要负责人手机', field: 'principalPhone', code: 'invalid', message: expect.any(Object) },
      ]);
      expect(await countRows('enterprises')).toBe(before);
      expect(await registered([b!, c!])).toEqual([]);

      const report = await get(haizhou, `/enterprises/import-errors/${body.errorReportId}.xlsx`);
      expect(report.statusCode).toBe(200);
      const sheet = (await readBook(report.rawPayload)).worksheets[0]!;
      expect(String(sheet.getCell('A1').value)).toMatch(/共 3 行/);
      expect(sheet.getRow(3).values).toEqual([undefined, 3, bad, `导入测试企业${bad.slice(-6)}`, '统一社会信用代码', expect.any(String), expect.any(String), 'invalid']);
      expect(report.body).not.toContain('0518-1234');
      expect((await get(lianyun, `/enterprises/import-errors/${body.errorReportId}.xlsx`)).statusCode).toBe(404);

      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'enterprise.import').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor_username: 'haizhou', result: 'failure' });
      expect(JSON.parse(audit.detail!)).toMatchObject({ mode: 'all_or_nothing', total: 3, imported: 0, fileSha256: createHash('sha256').update(file).digest('hex') });
    });

    it('valid_rows_only: writes the valid rows in one go, with the departments of their industry, and reports the others', async () => {
      const [a, b, c, d] = codes(4);
      const existing = (await t.db.kysely.selectFrom('enterprises').select('credit_code').where('region_code', 'like', '320703%').executeTakeFirstOrThrow()).credit_code;
      const file = await workbook([row(a!), row(b!, { 2: 'X99' }), row(c!), row(a!), row(existing), row(d!, { 5: '巨型', 6: '也许' })]);
      const response = await upload(haizhou, file, 'valid_rows_only');
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ mode: 'valid_rows_only', total: 6, imported: 2, rejected: 4, errorReportId: expect.any(String) });
      expect(body.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
        [3, 'industryCode', 'unknown_industry'],
        [5, 'creditCode', 'credit_code_twice_in_file'],
        [6, 'creditCode', 'credit_code_registered'],
        [7, 'scale', 'invalid'],
        [7, 'hazardousChemicals', 'invalid'],
      ]);
      expect(await registered([a!, b!, c!, d!])).toEqual([a!, c!].sort());
      const imported = (await get(haizhou, `/enterprises?q=${a}`)).json().items[0];
      expect(imported).toMatchObject({ industryCode: 'C26', park: '导入测试园', scale: 'medium', hazardousChemicals: true, majorHazardSource: false, principalName: '诸葛*', safetyOfficerPhone: '138****0000' });
      expect(imported.supervisors.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^市应急管理局/)]));
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'enterprise.import').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(audit.result).toBe('success');
      expect(JSON.parse(audit.detail!)).toMatchObject({ mode: 'valid_rows_only', imported: 2, rejected: 4 });
    });

    it.each([
      ['garbage bytes', () => Buffer.from('this is not a spreadsheet at all, just text'), 400, 'import_invalid_file'],
      ['an empty body', () => Buffer.alloc(0), 400, 'import_invalid_file'],
      ['a zip that is no workbook', () => zip([{ name: 'readme.txt', data: Buffer.from('hello') }]), 400, 'import_invalid_file'],
      ['a workbook whose sheet expands past the limit (zip bomb)', () => zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(129 * 1024 * 1024, 0x20) },
      ]), 413, 'import_too_large'],
      ['an entry that expands beyond its declared size', () => zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.alloc(4 * 1024 * 1024, 0x20), declaredSize: 100 },
      ]), 413, 'import_too_large'],
      ['a body over 10 MB', () => Buffer.alloc(10 * 1024 * 1024 + 1, 1), 413, 'payload_too_large'],
    ] as Array<[string, () => Buffer, number, string]>)('refuses %s and writes nothing', async (_label, bytes, status, code) => {
      const before = await countRows('enterprises');
      const response = await upload(haizhou, bytes(), 'valid_rows_only');
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe(code);
      expect(await countRows('enterprises')).toBe(before);
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    });

    it('refuses a sheet whose columns are not the template’s, naming them', async () => {
      const response = await upload(haizhou, await workbook([row(creditCode(++serial))], ['统一社会信用代码', '企业名称', '行业', '所在村（社区）代码']));
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('import_bad_template');
      expect(response.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([['行业', 'unknown_column'], ['行业代码', 'missing_column']]);
    });

    it('refuses a sheet with headers only, another content type and a role that may not import', async () => {
      expect((await upload(haizhou, await workbook([]))).json().errors).toContainEqual(expect.objectContaining({ field: 'file', code: 'required' }));
      expect((await upload(haizhou, await workbook([row(creditCode(++serial))]), undefined, 'text/csv')).statusCode).toBe(415);
      expect((await upload(admin, await workbook([row(creditCode(++serial))]))).statusCode).toBe(403);
      expect((await upload(haizhou, await workbook([row(creditCode(++serial))]), 'sometimes')).statusCode).toBe(400);
    });
  });

  describe('exporting', () => {
    it('exports the filter with masked contacts and a watermark, audited with the row count and the file hash', async () => {
      const [own] = codes(1);
      expect((await upload(haizhou, await workbook([row(own!, { 4: '导出测试园' })]))).statusCode).toBe(200);
      const foreign = await t.app.inject({
        method: 'POST',
        url: '/api/v1/enterprises',
        headers: { cookie: lianyun },
        payload: { creditCode: (() => { const f = `91320703QB${String(++serial).padStart(6, '0')}R`; return f + creditCodeCheckChar(f); })(), name: '连云导出对照企业', industryCode: 'C26', regionCode: LIANYUN_COMMUNITY, park: '导出测试园' },
      });
      expect(foreign.statusCode, foreign.body).toBe(201);

      const response = await get(haizhou, `/enterprises/export.xlsx?park=${encodeURIComponent('导出测试园')}`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      const sheet = (await readBook(response.rawPayload)).worksheets[0]!;
      expect(String(sheet.getCell('A1').value)).toMatch(/exported by haizhou at \d{4}-\d\d-\d\dT[\d:.]+Z, request \S+/);
      expect(sheet.headerFooter.oddFooter).toContain('exported by haizhou');
      expect(sheet.getCell('A2').value).toBe('统一社会信用代码');
      const rows = sheet.getSheetValues().slice(3).filter(Boolean) as unknown[][];
      expect(rows.map((r) => r[1])).toEqual([own]);
      expect(rows[0]).toEqual(expect.arrayContaining(['诸葛*', expect.stringMatching(/^139\*{4}\d{4}$/), '李*', '138****0000']));
      expect(response.rawPayload.includes(Buffer.from('诸葛亮'))).toBe(false);
      expect(JSON.stringify(rows)).not.toMatch(/1[3-9]\d{9}/);

      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'enterprise.export').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(audit.actor_username).toBe('haizhou');
      expect(JSON.parse(audit.detail!)).toMatchObject({ rows: 1, sha256: createHash('sha256').update(response.rawPayload).digest('hex'), filter: { park: '导出测试园' } });
      expect(String(sheet.getCell('A1').value)).toContain(JSON.parse(audit.detail!).requestId);

      const leaderExport = await get(await t.login('leader'), `/enterprises/export.xlsx?park=${encodeURIComponent('导出测试园')}`);
      const leaderRows = (await readBook(leaderExport.rawPayload)).worksheets[0]!.getSheetValues().slice(3).filter(Boolean) as unknown[][];
      expect(leaderRows).toHaveLength(2);
    });

    it('refuses an export to a role without data:export', async () => {
      const before = await t.db.kysely.selectFrom('audit_log').select('seq').where('action', '=', 'enterprise.export').execute();
      expect((await get(admin, '/enterprises/export.xlsx')).statusCode).toBe(403);
      expect(await t.db.kysely.selectFrom('audit_log').select('seq').where('action', '=', 'enterprise.export').execute()).toHaveLength(before.length);
    });
  });
});
