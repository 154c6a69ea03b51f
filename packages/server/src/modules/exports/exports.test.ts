import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableText } from '../../test-support/personal-data-scanner.js';
import { communitiesIn, fictitiousIds, fictitiousPhones } from '../../test-support/fixtures.js';
import { createTestAccount } from '../../test-support/account-fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../test-support/harness.js';
import { allPages } from '../../test-support/paging.js';
import { MAX_ROWS } from './formats/document.js';

const THRESHOLD = 5;
const idNumber = fictitiousIds({ fromYear: 1972, sequence: 620 });
const phone = fictitiousPhones('136');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

type Request = { id: string; status: string; rowCount: number; version: number; expiresAt: string | null; fileSha256: string | null; fileRows: number | null; canDecide: boolean; canDownload: boolean };

/**
 * Exports through the one export service (SECURITY.md row 18, decision 0018), with the approval
 * threshold lowered to 5 rows: a short list is a watermarked, audited file at once; a longer list of
 * persons is a request that another leader of the same ground approves with a reason, after which
 * its requester downloads it once.
 */
describe.each(ENGINES)('exports on %s', (engine) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let small: string; // a haizhou community with THRESHOLD - 2 test persons
  let big: string; // a haizhou community with THRESHOLD + 2 test persons
  let lianyunGrid: string;
  const registered: Array<{ idNumber: string; phone: string; gridCode: string }> = [];
  let serial = 0;

  /** A leader of one district: the role of the city's leader, the ground of a district. */
  async function districtLeader(username: string, region: string): Promise<void> {
    userIds[username] = await createTestAccount(t, { username, roles: ['city_leader'], ground: region });
  }

  async function loginAll(): Promise<void> {
    for (const username of ['haizhou', 'lianyun', 'leader', 'hzleader', 'lyleader', 'admin', 'grid']) cookies[username] = await t.login(username);
  }

  async function emptyCommunities(district: string, n: number): Promise<string[]> {
    const found: string[] = [];
    for (const code of await communitiesIn(t.db.kysely, district, 80)) {
      const row = await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).where('region_code', '=', code).executeTakeFirstOrThrow();
      if (Number(row.n) === 0) found.push(code);
      if (found.length === n) return found;
    }
    throw new Error(`no ${n} empty communities in ${district}`);
  }

  async function register(cookie: string, gridCode: string, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const n = ++serial;
      const person = { idNumber: idNumber(n), phone: phone(n), gridCode };
      const response = await call(cookie, 'POST', '/persons', { name: `导出测试${n}`, ...person, category: 'close_contact', lastExposureDate: '2022-07-10', address: '江苏省连云港市海州区朝阳东路1号' });
      expect(response.statusCode, response.body).toBe(201);
      registered.push(person);
    }
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { exports: { approvalRows: THRESHOLD, downloadHours: 24 } });
    await districtLeader('hzleader', '320706');
    await districtLeader('lyleader', '320703');
    await loginAll();
    [small, big] = (await emptyCommunities('320706', 2)) as [string, string];
    lianyunGrid = (await emptyCommunities('320703', 1))[0]!;
    await register(cookies.haizhou!, small, THRESHOLD - 2);
    await register(cookies.haizhou!, big, THRESHOLD + 2);
    await register(cookies.lianyun!, lianyunGrid, 2);
  });
  afterAll(() => t.close());

  function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    return t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  }
  const exportPersons = (who: string, body: Record<string, unknown>) => call(cookies[who]!, 'POST', '/persons/export', body);
  const download = (who: string, id: string) => call(cookies[who]!, 'POST', `/exports/${id}/download`);
  const decide = (who: string, id: string, decision: 'approve' | 'reject', body: Record<string, unknown>) => call(cookies[who]!, 'POST', `/exports/${id}/${decision}`, body);
  const box = async (who: string, name: 'mine' | 'to_approve' | 'decided'): Promise<Request[]> => (await call(cookies[who]!, 'GET', `/exports?box=${name}`)).json().items;
  const auditOf = async (objectId: string, action: string) => {
    const row = await t.db.kysely.selectFrom('audit_log').selectAll().where('object_id', '=', objectId).where('action', '=', action).executeTakeFirst();
    return row ? { ...row, detail: JSON.parse(row.detail ?? '{}') as Record<string, unknown> } : undefined;
  };
  async function requested(who: string, body: Record<string, unknown>): Promise<Request> {
    const response = await exportPersons(who, body);
    expect(response.statusCode, response.body).toBe(202);
    return response.json();
  }
  const csvLines = (bytes: Buffer) => bytes.toString('utf8').split('\r\n').filter((line) => line !== '');

  describe('below the threshold', () => {
    it('answers a CSV at once: watermark comment line, masked identifiers, audited with the row count and the SHA-256 of the bytes served', async () => {
      const response = await exportPersons('haizhou', { format: 'csv', regionCode: small });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="persons-\d{8}T\d{6}\.csv"; filename\*=UTF-8''/);
      const exportId = String(response.headers['x-export-id']);
      const lines = csvLines(response.rawPayload);
      expect(lines[0]).toMatch(new RegExp(`^\uFEFF# 导出人 haizhou（演示·海州区干部），导出时间 2026-01-05T08:00:00.000Z，请求编号 ${exportId}。个人信息已脱敏`));
      expect(lines[0]).toContain(`exported by haizhou at 2026-01-05T08:00:00.000Z, request ${exportId}`);
      expect(lines[1]).toMatch(/^姓名（脱敏）,身份证号码（脱敏）,手机号码（脱敏）/);
      expect(lines).toHaveLength(2 + THRESHOLD - 2);
      const mine = registered.filter((p) => p.gridCode === small);
      for (const person of mine) {
        expect(response.body).not.toContain(person.idNumber);
        expect(response.body).toContain(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`);
        expect(response.body).not.toContain(person.phone);
      }
      const audit = await auditOf(exportId, 'person.export');
      expect(audit).toMatchObject({ actor_username: 'haizhou', result: 'success', object_type: 'export' });
      expect(audit!.detail).toMatchObject({ kind: 'persons', format: 'csv', rows: THRESHOLD - 2, sha256: sha256(response.rawPayload), unmasked: false, filter: { regionCode: small }, requestId: exportId });
      expect(response.headers['x-export-sha256']).toBe(sha256(response.rawPayload));
      const listed = (await box('haizhou', 'mine')).find((r) => r.id === exportId);
      expect(listed).toMatchObject({ status: 'downloaded', rowCount: THRESHOLD - 2, fileRows: THRESHOLD - 2, fileSha256: sha256(response.rawPayload), canDownload: false });
    });

    it('answers an XLSX at once with a visible first row, printed header and footer and workbook properties carrying the watermark', async () => {
      const response = await exportPersons('haizhou', { format: 'xlsx', regionCode: small });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      const exportId = String(response.headers['x-export-id']);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect(sheet.name).toBe('管控人员名单');
      expect(String(sheet.getCell('A1').value)).toContain(`exported by haizhou at 2026-01-05T08:00:00.000Z, request ${exportId}`);
      expect(sheet.headerFooter.oddHeader).toContain(`request ${exportId}`);
      expect(sheet.headerFooter.oddFooter).toContain('exported by haizhou');
      expect(book.description).toContain(exportId);
      expect(sheet.getCell('A2').value).toBe('姓名（脱敏）');
      const rows = (sheet.getSheetValues().slice(3).filter(Boolean) as unknown[][]).map((row) => row.slice(1));
      expect(rows).toHaveLength(THRESHOLD - 2);
      expect(rows.every((row) => row[6] === small && /^\d{6}\*{8}\d{3}[\dX]$/.test(String(row[1])))).toBe(true);
      expect((await auditOf(exportId, 'person.export'))!.detail).toMatchObject({ format: 'xlsx', rows: THRESHOLD - 2, sha256: sha256(response.rawPayload) });
    });

    it('answers a PDF at once whose every page carries the watermark, with the Chinese text embedded', async () => {
      const response = await exportPersons('haizhou', { format: 'pdf', regionCode: small });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const exportId = String(response.headers['x-export-id']);
      const text = await readableText('application/pdf', response.rawPayload);
      expect(text).toContain(`exported by haizhou at 2026-01-05T08:00:00.000Z, request ${exportId}`);
      expect(text.replace(/\s+/g, '')).toContain('管控人员名单');
      expect(text.replace(/\s+/g, '')).toContain('导出人haizhou');
      expect((await auditOf(exportId, 'person.export'))!.detail).toMatchObject({ format: 'pdf', rows: THRESHOLD - 2, sha256: sha256(response.rawPayload) });
    });

    it('exports exactly the threshold at once, and a district officer’s list holds only their ground', async () => {
      await register(cookies.haizhou!, small, 2);
      const atThreshold = await exportPersons('haizhou', { format: 'csv', regionCode: small });
      expect(atThreshold.statusCode).toBe(200);
      expect(csvLines(atThreshold.rawPayload)).toHaveLength(2 + THRESHOLD);
      // Another district's community, named in the filter, yields nothing: the ground applies as always.
      const foreign = await exportPersons('haizhou', { format: 'csv', regionCode: lianyunGrid });
      expect(foreign.statusCode).toBe(200);
      expect(csvLines(foreign.rawPayload)).toHaveLength(2);
      expect(foreign.headers['x-export-rows']).toBe('0');
      // The day of registration narrows the export as it narrows the list (China time; the clock is 2026-01-05).
      expect((await exportPersons('haizhou', { format: 'csv', regionCode: small, registeredOn: '2026-01-05' })).headers['x-export-rows']).toBe(String(THRESHOLD));
      expect((await exportPersons('haizhou', { format: 'csv', regionCode: small, registeredOn: '2026-01-04' })).headers['x-export-rows']).toBe('0');
    });
  });

  describe('above the threshold', () => {
    it('becomes a request that waits; the requester cannot download or approve it; another district’s leader cannot see it; the district’s leader approves it; one download, then 410', async () => {
      const request = await requested('haizhou', { format: 'xlsx', regionCode: big, reason: '核对密接名单' });
      expect(request).toMatchObject({ status: 'pending', rowCount: THRESHOLD + 2, regionCode: '320706', canDownload: false, canDecide: false });
      expect((await auditOf(request.id, 'export.request'))!.detail).toMatchObject({ kind: 'persons', rows: THRESHOLD + 2, threshold: THRESHOLD, reason: '核对密接名单' });

      const early = await download('haizhou', request.id);
      expect(early.statusCode).toBe(409);
      expect(early.json().code).toBe('export_not_approved');
      expect((await decide('haizhou', request.id, 'approve', { version: 1, reason: '自己批准' })).statusCode).toBe(403);

      // Another district's leader: not found, whatever they try.
      expect((await call(cookies.lyleader!, 'GET', `/exports/${request.id}`)).statusCode).toBe(404);
      expect((await decide('lyleader', request.id, 'approve', { version: 1, reason: '越权审批' })).statusCode).toBe(404);
      expect((await box('lyleader', 'to_approve')).map((r) => r.id)).not.toContain(request.id);
      expect((await download('lianyun', request.id)).statusCode).toBe(404);

      const queue = await box('hzleader', 'to_approve');
      expect(queue.find((r) => r.id === request.id)).toMatchObject({ canDecide: true, status: 'pending' });
      expect((await decide('hzleader', request.id, 'approve', { reason: '同意' })).statusCode).toBe(428);
      expect((await decide('hzleader', request.id, 'approve', { version: 1 })).statusCode).toBe(400);
      const approved = await decide('hzleader', request.id, 'approve', { version: 1, reason: '流调工作需要，同意' });
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: userIds.hzleader }, decisionReason: '流调工作需要，同意', expiresAt: '2026-01-06T08:00:00.000Z' });
      expect((await auditOf(request.id, 'export.approve'))).toMatchObject({ actor_username: 'hzleader' });
      expect((await decide('leader', request.id, 'approve', { version: 2, reason: '再批一次' })).json().code).toBe('export_not_pending');

      // Only the requester downloads it.
      expect((await download('hzleader', request.id)).statusCode).toBe(404);
      const file = await download('haizhou', request.id);
      expect(file.statusCode, file.body).toBe(200);
      expect(file.headers['content-type']).toBe(XLSX);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect(String(sheet.getCell('A1').value)).toContain(`request ${request.id}`);
      const rows = sheet.getSheetValues().slice(3).filter(Boolean) as unknown[][];
      expect(rows).toHaveLength(THRESHOLD + 2);
      const audit = await auditOf(request.id, 'person.export');
      expect(audit!.detail).toMatchObject({ rows: THRESHOLD + 2, sha256: sha256(file.rawPayload), approvedBy: userIds.hzleader, approvedRows: THRESHOLD + 2, unmasked: false });

      const again = await download('haizhou', request.id);
      expect(again.statusCode).toBe(410);
      expect(again.json().code).toBe('export_gone');
      expect((await box('haizhou', 'mine')).find((r) => r.id === request.id)).toMatchObject({ status: 'downloaded', fileSha256: sha256(file.rawPayload) });
      expect((await box('hzleader', 'decided')).map((r) => r.id)).toContain(request.id);
    });

    it('gives a district officer the rows of their whole ground and nothing else once approved', async () => {
      const request = await requested('haizhou', { format: 'csv' });
      const inGround = Number((await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).where('region_code', 'like', '320706%').executeTakeFirstOrThrow()).n);
      expect(request.rowCount).toBe(inGround);
      expect((await decide('leader', request.id, 'approve', { version: 1, reason: '全区名单核对' })).statusCode).toBe(200);
      const file = await download('haizhou', request.id);
      expect(file.statusCode).toBe(200);
      const rows = csvLines(file.rawPayload).slice(2).map((line) => line.split(','));
      expect(rows).toHaveLength(inGround);
      expect(rows.every((row) => row[6]!.startsWith('320706'))).toBe(true);
    });

    it('never lets a leader approve their own request, and hides a city request from a district leader', async () => {
      const request = await requested('leader', { format: 'csv' });
      const own = await decide('leader', request.id, 'approve', { version: 1, reason: '我自己批' });
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe('export_own_request');
      expect((await decide('hzleader', request.id, 'approve', { version: 1, reason: '下级审批' })).statusCode).toBe(404);
      expect((await call(cookies.leader!, 'GET', `/exports/${request.id}`)).json()).toMatchObject({ status: 'pending', mine: true, canDecide: false });
    });

    it('is rejected with a reason: no download, no later approval', async () => {
      const request = await requested('haizhou', { format: 'pdf', regionCode: big });
      const rejected = await decide('hzleader', request.id, 'reject', { version: 1, reason: '用途不明确' });
      expect(rejected.statusCode).toBe(200);
      expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: '用途不明确', expiresAt: null });
      expect((await auditOf(request.id, 'export.reject'))!.detail).toMatchObject({ reason: '用途不明确' });
      const refused = await download('haizhou', request.id);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('export_rejected');
      expect((await decide('leader', request.id, 'approve', { version: 2, reason: '改为同意' })).json().code).toBe('export_not_pending');
      expect(await auditOf(request.id, 'person.export')).toBeUndefined();
    });

    it('refuses a stale version, and expires an approval not used within the window', async () => {
      const request = await requested('haizhou', { format: 'csv', regionCode: big });
      expect((await decide('hzleader', request.id, 'approve', { version: 7, reason: '同意' })).statusCode).toBe(409);
      expect((await decide('hzleader', request.id, 'approve', { version: 1, reason: '同意' })).statusCode).toBe(200);
      t.clock.advance(24 * 3_600_000);
      await loginAll();
      expect((await call(cookies.haizhou!, 'GET', `/exports/${request.id}`)).json()).toMatchObject({ status: 'expired', canDownload: false });
      const late = await download('haizhou', request.id);
      expect(late.statusCode).toBe(410);
      expect(await auditOf(request.id, 'person.export')).toBeUndefined();
    });
  });

  describe('the boxes', () => {
    it('page newest first, requests made at one instant by id: pages of 1 and 2 equal one page', async () => {
      // The suite's clock stands still: these requests share their instant with the earlier ones.
      for (let i = 0; i < 3; i += 1) await requested('haizhou', { format: 'csv', regionCode: big });
      const pages = (who: string, query: string, limit: number) => allPages<{ id: string; createdAt: string }>((path) => call(cookies[who]!, 'GET', path), `/exports?${query}`, limit);
      for (const [who, query] of [['haizhou', 'box=mine'], ['hzleader', 'box=to_approve']] as const) {
        const all = await pages(who, query, 200);
        expect(all.length).toBeGreaterThanOrEqual(3);
        expect(new Set(all.map((r) => r.createdAt)).size).toBeLessThan(all.length);
        const order = all.map((r) => `${r.createdAt} ${r.id}`);
        expect(order).toEqual([...order].sort().reverse());
        for (const limit of [1, 2]) expect((await pages(who, query, limit)).map((r) => r.id)).toEqual(all.map((r) => r.id));
      }
    });
  });

  describe('the hazard list', () => {
    it('is a file at once whatever its length (its rows are hazards), responsible person masked, within the ground, audited', async () => {
      const inGround = Number((await t.db.kysely.selectFrom('hazards').select((eb) => eb.fn.countAll<number>().as('n')).where('region_code', 'like', '320706%').executeTakeFirstOrThrow()).n);
      expect(inGround).toBeGreaterThan(THRESHOLD);
      const response = await call(cookies.haizhou!, 'POST', '/hazards/export', { format: 'csv' });
      expect(response.statusCode, response.body).toBe(200);
      const lines = csvLines(response.rawPayload);
      expect(lines[0]).toContain('exported by haizhou');
      expect(lines[1]).toMatch(/^企业名称,所在村（社区）代码,隐患等级/);
      expect(lines.slice(2)).toHaveLength(inGround);
      expect(lines.slice(2).every((line) => /,320706\d{6},/.test(line))).toBe(true);
      expect((await auditOf(String(response.headers['x-export-id']), 'hazard.export'))!.detail).toMatchObject({ kind: 'hazards', rows: inGround, sha256: sha256(response.rawPayload), unmasked: false });
      // The hazard list has no unmasked form.
      expect((await call(cookies.haizhou!, 'POST', '/hazards/export', { format: 'csv', unmasked: true, reason: '核查' })).statusCode).toBe(403);
    });
  });

  describe('masking and permissions', () => {
    it('exports full identifiers only with the unmask permission and a reason, audited as unmasked', async () => {
      const noReason = await exportPersons('haizhou', { format: 'csv', regionCode: small, unmasked: true });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().errors).toContainEqual(expect.objectContaining({ field: 'reason', code: 'required' }));
      // The city leader reads persons but may not unmask them.
      expect((await exportPersons('leader', { format: 'csv', regionCode: small, unmasked: true, reason: '核查' })).statusCode).toBe(403);

      const response = await exportPersons('haizhou', { format: 'csv', regionCode: small, unmasked: true, reason: '移交疾控中心流调' });
      expect(response.statusCode, response.body).toBe(200);
      const lines = csvLines(response.rawPayload);
      expect(lines[0]).toContain('含未脱敏个人信息');
      expect(lines[1]).toMatch(/^姓名,身份证号码,手机号码,住址,/);
      for (const person of registered.filter((p) => p.gridCode === small)) {
        expect(response.body).toContain(person.idNumber);
        expect(response.body).toContain(person.phone);
      }
      // The scanner on every test response let it through only because this audit row holds its hash.
      expect((await auditOf(String(response.headers['x-export-id']), 'person.export'))!.detail).toMatchObject({ unmasked: true, reason: '移交疾控中心流调', sha256: sha256(response.rawPayload) });
    });

    it('refuses a PDF longer than its limit before anything is written, also when the rows outgrow the count', async () => {
      const haizhouUser = await t.db.kysely.selectFrom('users').selectAll().where('username', '=', 'haizhou').executeTakeFirstOrThrow();
      const ctx = {
        actor: { id: haizhouUser.id, username: 'haizhou', displayName: haizhouUser.display_name, roles: ['district_officer' as const], permissions: ['persons:read' as const, 'data:export' as const], ground: { regionCodes: ['320706'] }, mustChangePassword: false, secondFactorPending: false, sessionTokenHash: '' },
        db: t.db.kysely,
        ip: null,
        requestId: 'limit-test',
        now: () => t.clock.now(),
      };
      const rows = (n: number) => Array.from({ length: n }, () => ['x']);
      const kind = (counted: number, produced: number) => ({
        kind: 'limit-test', action: 'limit.export', title: '上限测试', readPermission: 'persons:read' as const, unmaskPermission: null, personal: false, formats: ['pdf', 'csv'] as const,
        count: async () => counted,
        columns: () => [{ header: '列', width: 10 }],
        async *rows() { yield rows(produced); },
      });
      const before = await t.db.kysely.selectFrom('export_requests').select('id').execute();
      await expect(t.app.services.exports.start(ctx, kind(MAX_ROWS.pdf + 1, 1), {}, { format: 'pdf' })).rejects.toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'filter', code: 'too_many_export_rows' })] });
      await expect(t.app.services.exports.start(ctx, kind(1, MAX_ROWS.pdf + 1), {}, { format: 'pdf' })).rejects.toMatchObject({ code: 'validation_failed' });
      expect(await t.db.kysely.selectFrom('export_requests').select('id').execute()).toHaveLength(before.length);
      const csv = await t.app.services.exports.start(ctx, kind(MAX_ROWS.pdf + 1, MAX_ROWS.pdf + 1), {}, { format: 'csv' });
      expect('file' in csv && csv.file.rows).toBe(MAX_ROWS.pdf + 1);
    });

    it('refuses roles without data:export and writes nothing', async () => {
      const before = await t.db.kysely.selectFrom('export_requests').select('id').execute();
      for (const who of ['admin', 'grid']) expect((await exportPersons(who, { format: 'csv' })).statusCode).toBe(403);
      expect(await t.db.kysely.selectFrom('export_requests').select('id').execute()).toHaveLength(before.length);
      expect((await exportPersons('haizhou', { format: 'docx' })).statusCode).toBe(400);
      expect((await exportPersons('haizhou', { format: 'csv', q: '110101199003071234' })).statusCode).toBe(400);
    });
  });
});
