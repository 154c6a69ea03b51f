import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFile } from '../../../db/database.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { communitiesIn, fictitiousIds } from '../../../test-support/fixtures.js';

const idNumber = fictitiousIds({ fromYear: 1950, sequence: 100, perSeries: 25000 });

function phone(n: number): string {
  return `139${String(n).padStart(8, '0')}`;
}

/** Flips the check character: same shape, wrong checksum. */
function withBadCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
}

describe.each(ENGINES)('persons under management on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let leader: string;
  let haizhouGrids: string[];
  let lianyunGrid: string;
  let serial = 1000;
  const next = () => (serial += 1);

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun, leader] = await Promise.all([t.login('haizhou'), t.login('lianyun'), t.login('leader')]);
    haizhouGrids = await communitiesIn(t.db.kysely, '320706', 5);
    lianyunGrid = (await communitiesIn(t.db.kysely, '320703', 1))[0]!;
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });

  const personsWithHash = async () => Number((await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  function closeContact(n = next(), overrides: Record<string, unknown> = {}) {
    return { name: '测试张三', idNumber: idNumber(n), phone: phone(n), gridCode: haizhouGrids[0]!, category: 'close_contact', lastExposureDate: '2022-07-10', address: '江苏省连云港市海州区朝阳东路1号', ...overrides };
  }

  /** A response must show no full ID number and no full mobile number (SECURITY.md row 16). */
  function expectMasked(body: string, person: { idNumber: string; phone: string }) {
    expect(body).not.toContain(person.idNumber);
    expect(body).not.toContain(person.phone);
    // Any 18-digit ID or mobile number at all; the look-arounds keep digit runs inside UUIDs out.
    expect(body).not.toMatch(/(?<![0-9a-f])\d{17}[\dX](?![0-9a-f])/);
    expect(body).not.toMatch(/(?<![0-9a-f])1[3-9]\d{9}(?![0-9a-f])/);
  }

  describe('registration', () => {
    it('registers a close contact with masked identifiers and the plan of the 9th edition', async () => {
      const body = closeContact();
      const response = await call(haizhou, 'POST', '/persons', body);
      expect(response.statusCode).toBe(201);
      expectMasked(response.body, body);
      const person = response.json();
      expect(person).toMatchObject({ name: '测***', idNumber: `${body.idNumber.slice(0, 6)}********${body.idNumber.slice(-4)}`, phone: `139****${body.phone.slice(-4)}`, gridCode: body.gridCode, category: 'close_contact', status: 'managed', version: 1 });
      expect(person.address).toBe('江苏省连云港****');
      // 9th edition: 7 days centralized from the last exposure (day 0), then 3 days monitoring.
      expect(person.measurePlan).toMatchObject({ edition: 'edition_9', from: '2022-07-10', endDate: '2022-07-20', startField: 'lastExposureDate' });
      expect(person.measurePlan.steps).toEqual([
        { measure: 'centralized_quarantine', from: '2022-07-10', to: '2022-07-17' },
        { measure: 'health_monitoring', from: '2022-07-18', to: '2022-07-20' },
      ]);
      expect(person.measurePlan.tests.map((x: { day: number }) => x.day)).toEqual([1, 2, 3, 5, 7, 10]);
      expect(person.categoryHistory).toEqual([expect.objectContaining({ category: 'close_contact', fromCategory: null })]);
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'person.create').where('object_id', '=', person.id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.detail).not.toContain(body.idNumber);
    });

    it('registers with only name, ID number, phone, grid and category, and says which date the plan needs', async () => {
      const { name, idNumber: id, phone: p, gridCode, category } = closeContact();
      const response = await call(haizhou, 'POST', '/persons', { name, idNumber: id, phone: p, gridCode, category });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ measurePlan: null, planProblem: 'missing_start_date', reportDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    });

    it('treats the same ID number as one person: 409 person_exists with the existing id, still one row', async () => {
      const body = closeContact();
      const first = (await call(haizhou, 'POST', '/persons', body)).json();
      const before = await personsWithHash();
      // Typed again with a lower-case x or through an input method, it is still the same number.
      const again = await call(haizhou, 'POST', '/persons', { ...body, name: '测试李四', phone: phone(next()) });
      expect(again.statusCode).toBe(409);
      expect(again.headers['content-type']).toContain('application/problem+json');
      expect(again.json()).toMatchObject({ code: 'person_exists', personId: first.id });
      expectMasked(again.body, body);
      expect(await personsWithHash()).toBe(before);
    });

    it('reports a person registered in another ground as existing without giving its id', async () => {
      const body = closeContact(next(), { gridCode: lianyunGrid });
      expect((await call(lianyun, 'POST', '/persons', body)).statusCode).toBe(201);
      const again = await call(haizhou, 'POST', '/persons', { ...body, gridCode: haizhouGrids[1]! });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'person_exists', personId: null });
    });

    it('refuses an invalid ID number with a field error and writes nothing', async () => {
      const before = await personsWithHash();
      const response = await call(haizhou, 'POST', '/persons', closeContact(next(), { idNumber: withBadCheck(idNumber(next())) }));
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([expect.objectContaining({ field: 'idNumber', code: 'invalid' })]);
      expect(await personsWithHash()).toBe(before);
    });

    it('refuses a grid outside the ground and a code that is no community', async () => {
      const foreign = await call(haizhou, 'POST', '/persons', closeContact(next(), { gridCode: lianyunGrid }));
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().errors).toEqual([expect.objectContaining({ field: 'gridCode', code: 'outside_ground' })]);
      const unknown = await call(haizhou, 'POST', '/persons', closeContact(next(), { gridCode: '320706999999' }));
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'gridCode', code: 'unknown_region' })]);
    });

    it('refuses an unknown category, a future date and a bad phone', async () => {
      const response = await call(haizhou, 'POST', '/persons', closeContact(next(), { category: 'no_such_category', lastExposureDate: '2099-01-01', phone: '12345' }));
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`).sort()).toEqual(['category:invalid', 'lastExposureDate:out_of_range', 'phone:invalid']);
    });
  });

  describe('ground, search and masking', () => {
    it("hides another district's persons from reads, lists and searches", async () => {
      const body = closeContact(next(), { gridCode: lianyunGrid });
      const person = (await call(lianyun, 'POST', '/persons', body)).json();
      expect((await call(haizhou, 'GET', `/persons/${person.id}`)).statusCode).toBe(404);
      expect((await call(haizhou, 'PATCH', `/persons/${person.id}`, { version: 1, name: '改名' })).statusCode).toBe(404);
      expect((await call(haizhou, 'POST', `/persons/${person.id}/unmask`, { reason: '核查' })).statusCode).toBe(404);
      const list = (await call(haizhou, 'GET', '/persons?limit=200')).json().items as Array<{ id: string; gridCode: string }>;
      expect(list.some((p) => p.id === person.id)).toBe(false);
      expect(list.every((p) => p.gridCode.startsWith('320706'))).toBe(true);
      expect((await call(haizhou, 'POST', '/persons/search', { q: body.idNumber })).json().items).toEqual([]);
      expect((await call(lianyun, 'POST', '/persons/search', { q: body.idNumber })).json().items.map((p: { id: string }) => p.id)).toEqual([person.id]);
      expect((await call(leader, 'GET', `/persons/${person.id}`)).statusCode).toBe(200);
    });

    it('finds a person by exact ID number or phone through the keyed hash, and filters by category and region', async () => {
      const body = closeContact(next(), { gridCode: haizhouGrids[2]!, category: 'arrival_key_area', arrivalDate: '2022-11-20', lastExposureDate: null });
      const person = (await call(haizhou, 'POST', '/persons', body)).json();
      expect(person.measurePlan).toMatchObject({ edition: 'twenty_measures', from: '2022-11-20', endDate: '2022-11-28' });
      const byId = await call(haizhou, 'POST', '/persons/search', { q: body.idNumber.toLowerCase() });
      expect(byId.json().items.map((p: { id: string }) => p.id)).toEqual([person.id]);
      const byPhone = await call(haizhou, 'POST', '/persons/search', { q: `+86 ${body.phone.slice(0, 3)} ${body.phone.slice(3, 7)} ${body.phone.slice(7)}` });
      expect(byPhone.json().items.map((p: { id: string }) => p.id)).toEqual([person.id]);
      expect((await call(haizhou, 'POST', '/persons/search', { q: body.idNumber.slice(0, 10) })).statusCode).toBe(400);
      const filtered = (await call(haizhou, 'GET', `/persons?category=arrival_key_area&regionCode=${haizhouGrids[2]}`)).json().items as Array<{ id: string; category: string }>;
      expect(filtered.map((p) => p.id)).toContain(person.id);
      expect(filtered.every((p) => p.category === 'arrival_key_area')).toBe(true);
    });

    it('pages the list with a cursor without repeating or skipping anyone', async () => {
      const all = (await call(haizhou, 'GET', '/persons?limit=200')).json().items.map((p: { id: string }) => p.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await call(haizhou, 'GET', `/persons?limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json();
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    });

    it('masks the ID number and phone in every response of the default views', async () => {
      const body = closeContact();
      const created = await call(haizhou, 'POST', '/persons', body);
      const id = created.json().id as string;
      const responses = [
        created,
        await call(haizhou, 'GET', `/persons/${id}`),
        await call(haizhou, 'GET', '/persons?limit=200'),
        await call(haizhou, 'POST', '/persons/search', { q: body.idNumber }),
        await call(haizhou, 'POST', '/persons/search', { q: body.phone }),
        await call(haizhou, 'PATCH', `/persons/${id}`, { version: 1, address: '江苏省连云港市海州区新地址9号' }),
        await call(leader, 'GET', '/persons?limit=200'),
      ];
      for (const response of responses) {
        expect(response.statusCode).toBeLessThan(300);
        expectMasked(response.body, body);
      }
    });
  });

  describe('the audited full view', () => {
    it('needs the unmask permission and a reason, returns the identifiers once and audits the reason', async () => {
      const body = closeContact();
      const id = (await call(haizhou, 'POST', '/persons', body)).json().id as string;
      expect((await call(leader, 'POST', `/persons/${id}/unmask`, { reason: '流调核实' })).statusCode).toBe(403);
      expect((await call(haizhou, 'POST', `/persons/${id}/unmask`, {})).statusCode).toBe(400);
      expect((await call(haizhou, 'POST', `/persons/${id}/unmask`, { reason: ' ' })).statusCode).toBe(400);
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/persons/${id}/unmask`, headers: { cookie: haizhou, 'idempotency-key': 'unmask-test-key-1' }, payload: { reason: '流调核实行程' } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ id, name: body.name, idNumber: body.idNumber, phone: body.phone, address: body.address });
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'person.unmask').where('object_id', '=', id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_username).toBe('haizhou');
      expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ reason: '流调核实行程' });
      // The plaintext answer is not kept for idempotent replay.
      const stored = await t.db.kysely.selectFrom('idempotency_keys').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(body.idNumber);
    });
  });

  describe('category changes and measure plans', () => {
    it('needs the version read: 428 without it, 409 when stale', async () => {
      const id = (await call(haizhou, 'POST', '/persons', closeContact())).json().id as string;
      expect((await call(haizhou, 'PATCH', `/persons/${id}`, { name: '测试王五' })).statusCode).toBe(428);
      expect((await call(haizhou, 'PATCH', `/persons/${id}`, { version: 1, name: '测试王五' })).statusCode).toBe(200);
      const stale = await call(haizhou, 'PATCH', `/persons/${id}`, { version: 1, name: '测试赵六' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('version_conflict');
    });

    it('keeps the category history with the reason and recomputes the plan, keeping the old one', async () => {
      const id = (await call(haizhou, 'POST', '/persons', closeContact())).json().id as string;
      t.clock.advance(60_000);
      expect((await call(haizhou, 'PATCH', `/persons/${id}`, { version: 1, category: 'confirmed', sampleDate: '2022-07-12' })).json().errors).toEqual([
        expect.objectContaining({ field: 'categoryReason', code: 'required' }),
      ]);
      const changed = await call(haizhou, 'PATCH', `/persons/${id}`, { version: 1, category: 'confirmed', sampleDate: '2022-07-12', categoryReason: '核酸检测阳性，专家组诊断' });
      expect(changed.statusCode).toBe(200);
      const person = changed.json();
      expect(person.category).toBe('confirmed');
      expect(person.version).toBe(2);
      expect(person.categoryHistory).toEqual([
        expect.objectContaining({ category: 'close_contact', fromCategory: null }),
        expect.objectContaining({ category: 'confirmed', fromCategory: 'close_contact', reason: '核酸检测阳性，专家组诊断', changedBy: expect.any(String) }),
      ]);
      expect(person.measurePlan).toMatchObject({ edition: 'edition_9', category: 'confirmed', from: '2022-07-12', endDate: null, release: { negativeTests: 2 } });
      expect(person.measurePlan.steps[0].measure).toBe('hospital');
      expect(person.previousPlans).toEqual([expect.objectContaining({ category: 'close_contact', endDate: '2022-07-20', supersededAt: expect.any(String) })]);
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'person.update').where('object_id', '=', id).execute();
      expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ category: { from: 'close_contact', to: 'confirmed' } });
    });

    it('recomputes when the last exposure turns out later, and leaves the plan alone for a date it does not start from', async () => {
      const id = (await call(haizhou, 'POST', '/persons', closeContact())).json().id as string;
      t.clock.advance(60_000);
      const later = (await call(haizhou, 'PATCH', `/persons/${id}`, { version: 1, lastExposureDate: '2022-07-13' })).json();
      expect(later.measurePlan).toMatchObject({ from: '2022-07-13', endDate: '2022-07-23' });
      expect(later.previousPlans).toHaveLength(1);
      const unrelated = (await call(haizhou, 'PATCH', `/persons/${id}`, { version: 2, arrivalDate: '2022-07-01' })).json();
      expect(unrelated.measurePlan.id).toBe(later.measurePlan.id);
      expect(unrelated.previousPlans).toHaveLength(1);
    });
  });

  describe('CSV import', () => {
    const header = 'name,idNumber,phone,gridCode,category,lastExposureDate,arrivalDate';
    const row = (n: number, grid: string, category = 'close_contact') => `演示导入${n},${idNumber(n, '320722')},${phone(n)},${grid},${category},2022-08-01,`;
    const importCsv = (cookie: string, text: string) => t.app.inject({ method: 'POST', url: '/api/v1/persons/import', headers: { cookie, 'content-type': 'text/csv' }, payload: text });

    it('imports a file with a byte order mark and CRLF lines, with one audit row', async () => {
      const before = await personsWithHash();
      const base = next() + 20_000;
      const text = `\uFEFF${header}\r\n${row(base, haizhouGrids[0]!)}\r\n${row(base + 1, haizhouGrids[1]!, 'secondary_contact')}\r\n"演示,导入",${idNumber(base + 2, '320722')},${phone(base + 2)},${haizhouGrids[2]},arrival_key_area,,2022-08-02\r\n`;
      const response = await importCsv(haizhou, text);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ mode: 'all_or_nothing', imported: 3, rejected: 0, errors: [], truncated: false });
      expect(await personsWithHash()).toBe(before + 3);
      const found = (await call(haizhou, 'POST', '/persons/search', { q: idNumber(base + 2, '320722') })).json().items;
      expect(found).toEqual([expect.objectContaining({ category: 'arrival_key_area', measurePlan: expect.objectContaining({ from: '2022-08-02' }) })]);
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'person.import').execute();
      expect(audit.map((a) => JSON.parse(a.detail!).rows)).toContain(3);
    });

    it('writes nothing when one row is bad, and names every bad row and field', async () => {
      const existing = closeContact();
      await call(haizhou, 'POST', '/persons', existing);
      const before = await personsWithHash();
      const base = next() + 30_000;
      const lines = [
        header,
        row(base, haizhouGrids[0]!),
        `演示导入,${withBadCheck(idNumber(base + 1, '320722'))},${phone(base + 1)},${haizhouGrids[0]},close_contact,2022-08-01,`,
        row(base + 2, lianyunGrid),
        row(base, haizhouGrids[1]!),
        `演示导入,${existing.idNumber},${phone(base + 3)},${haizhouGrids[0]},close_contact,2022-08-01,`,
        row(base + 4, haizhouGrids[0]!),
      ];
      const response = await importCsv(haizhou, lines.join('\n'));
      expect(response.statusCode).toBe(400);
      const problem = response.json();
      expect(problem.code).toBe('import_rejected');
      expect(problem.errors.map((e: { row: number; field: string; code: string }) => `${e.row}:${e.field}:${e.code}`)).toEqual([
        '3:idNumber:invalid',
        '4:gridCode:outside_ground',
        '5:idNumber:duplicate_in_file',
        '6:idNumber:person_exists',
      ]);
      expect(problem.errors[0].message['zh-CN']).toBeTruthy();
      expectMasked(response.body, existing);
      expect(await personsWithHash()).toBe(before);
    });

    it('refuses a file with a missing or unknown column', async () => {
      const response = await importCsv(haizhou, 'name,idNumber,phone,category,shoeSize\n');
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual(['shoeSize:unknown_column', 'gridCode:missing_column']);
    });

    it('imports 10,000 rows in one request, all or nothing', async () => {
      const before = await personsWithHash();
      const lines = [header];
      for (let i = 0; i < 10_000; i += 1) lines.push(row(40_000 + i, haizhouGrids[i % haizhouGrids.length]!, i % 3 === 0 ? 'secondary_contact' : 'close_contact'));
      const text = lines.join('\n');
      const started = performance.now();
      const response = await importCsv(haizhou, text);
      const seconds = (performance.now() - started) / 1000;
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ imported: 10_000, rejected: 0 });
      expect(await personsWithHash()).toBe(before + 10_000);
      console.log(`[${engine}] imported 10,000 persons in ${seconds.toFixed(2)} s (${Math.round(10_000 / seconds)} rows/s, ${(text.length / 1e6).toFixed(1)} MB)`);
    }, 120_000);
  });

  // The raw-bytes check reads SQLite's own files; PostgreSQL's pages are checked by the encryption itself.
  if (engine === 'sqlite') it('keeps a known ID number out of the raw database and WAL bytes, yet finds the person by it', async () => {
    const body = closeContact();
    const id = (await call(haizhou, 'POST', '/persons', body)).json().id as string;
    const file = sqliteFile(t.db.url);
    const bytes = Buffer.concat([fs.readFileSync(file), ...(fs.existsSync(`${file}-wal`) ? [fs.readFileSync(`${file}-wal`)] : [])]);
    for (const secret of [body.idNumber, body.phone, body.name, '朝阳东路']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
    }
    expect((await call(haizhou, 'POST', '/persons/search', { q: body.idNumber })).json().items.map((p: { id: string }) => p.id)).toEqual([id]);
  });
});
