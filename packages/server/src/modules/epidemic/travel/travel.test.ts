import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { allPages } from '../../../test-support/paging.js';
import { fictitiousIds, fictitiousPhones } from '../../../test-support/fixtures.js';

const idNumber = fictitiousIds({ fromYear: 1970, sequence: 500 });
const phone = fictitiousPhones('135');

describe.each(ENGINES)('travel control on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let leader: string;
  let grid: string;
  let closeContactId: string;
  let serial = 100;
  const next = () => (serial += 1);

  beforeAll(async () => {
    t = await createTestApp(engine);
    // The travel rules of 2022: the suite lives on 10 August 2022.
    t.clock.advance(Date.parse('2022-08-10T02:00:00Z') - t.clock.now().getTime());
    [haizhou, lianyun, leader] = await Promise.all([t.login('haizhou'), t.login('lianyun'), t.login('leader')]);
    grid = (await t.db.kysely.selectFrom('regions').select('code').where('level', '=', 'community').where('code', '>=', '320706').where('code', '<', '320706~').orderBy('code').executeTakeFirstOrThrow()).code;
    closeContactId = idNumber(next());
    const created = await call(haizhou, 'POST', '/persons', { name: '出行测试', idNumber: closeContactId, phone: phone(serial), gridCode: grid, category: 'close_contact', lastExposureDate: '2022-08-05' });
    expect(created.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  const checks = async () => t.db.kysely.selectFrom('travel_checks').selectAll().execute();

  it('denies a close contact travelling to Beijing, naming the rule', async () => {
    const response = await call(haizhou, 'POST', '/travel/check', { idNumber: closeContactId, destination: '110000' });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ decision: 'deny', destination: '110000', date: '2022-08-10' });
    expect(result.reasons).toEqual([expect.objectContaining({ code: 'category_denied', ruleId: 'beijing-four-categories', ruleName: expect.objectContaining({ 'zh-CN': '四类人员不得进京' }) })]);
    expect(response.body).not.toContain(closeContactId);
  });

  it('finds the close contact from another district too, and answers the issue #5 path', async () => {
    const response = await call(lianyun, 'POST', '/travel-checks', { idNumber: closeContactId.toLowerCase(), destination: '110105' });
    expect(response.json().decision).toBe('deny');
  });

  it('allows an unlisted person, and the close contact elsewhere or after the rules ended', async () => {
    expect((await call(haizhou, 'POST', '/travel/check', { idNumber: idNumber(next()), destination: '110000' })).json()).toMatchObject({ decision: 'allow', reasons: [] });
    expect((await call(haizhou, 'POST', '/travel/check', { idNumber: closeContactId, destination: '310000' })).json().decision).toBe('allow');
    expect((await call(haizhou, 'POST', '/travel/check', { idNumber: closeContactId, destination: '110000', date: '2023-02-01' })).json().decision).toBe('allow');
  });

  it('logs every check with the keyed hash, never the ID number, and refuses an invalid one unlogged', async () => {
    const before = (await checks()).length;
    const unlisted = idNumber(next());
    await call(haizhou, 'POST', '/travel/check', { idNumber: unlisted, destination: '110000' });
    await call(haizhou, 'POST', '/travel/check', { idNumber: unlisted, destination: '110000' });
    const bad = await call(haizhou, 'POST', '/travel/check', { idNumber: `${unlisted.slice(0, 17)}${unlisted[17] === '1' ? '2' : '1'}`, destination: '110000' });
    expect(bad.statusCode).toBe(400);
    const rows = await checks();
    expect(rows).toHaveLength(before + 2);
    const dump = JSON.stringify(rows);
    for (const id of [closeContactId, unlisted]) expect(dump).not.toContain(id);
    const hash = t.app.services.crypto.blindIndex(unlisted, 'resident_id');
    expect(rows.filter((r) => r.id_number_hash === hash)).toHaveLength(2);
    const denial = rows.find((r) => r.decision === 'deny' && r.region_code === '320706')!;
    expect(JSON.parse(denial.reasons)).toEqual([{ code: 'category_denied', ruleId: 'beijing-four-categories' }]);
    expect(denial).toMatchObject({ destination: '110000', travel_date: '2022-08-10', check_day: '2022-08-10' });
    expect(denial.checked_by).not.toBeNull();
    // Nothing of it went to the audit trail's details either.
    expect(JSON.stringify(await t.db.kysely.selectFrom('audit_log').select('detail').execute())).not.toContain(unlisted);
  });

  it('logs each of many checks made at the same moment', async () => {
    const before = (await checks()).length;
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => call(i % 2 ? lianyun : haizhou, 'POST', '/travel/check', { idNumber: i % 5 === 0 ? closeContactId : idNumber(next()), destination: '120000' })));
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    const rows = await checks();
    expect(rows).toHaveLength(before + 25);
    expect(rows.filter((r) => r.destination === '120000' && r.region_code === '320703')).toHaveLength(12);
  });

  it('counts checks and denials per day in each ground', async () => {
    const ours = (await call(haizhou, 'GET', '/travel/denials?from=2022-08-10&to=2022-08-10')).json();
    expect(ours).toMatchObject({ from: '2022-08-10', to: '2022-08-10' });
    expect(ours.denied).toBe(1);
    expect(ours.total).toBe(ours.denied + ours.alerted + ours.allowed);
    expect(ours.byDay).toEqual([expect.objectContaining({ date: '2022-08-10', denied: 1, total: ours.total })]);
    const theirs = (await call(lianyun, 'GET', '/travel/denials?from=2022-08-10&to=2022-08-10')).json();
    expect(theirs).toMatchObject({ total: 13, denied: 1 });
    const city = (await call(leader, 'GET', '/travel/denials?from=2022-08-10&to=2022-08-10')).json();
    expect(city.total).toBe(ours.total + theirs.total);
  });

  it('lets a released person travel again', async () => {
    const person = (await call(haizhou, 'POST', '/persons/search', { q: closeContactId })).json().items[0];
    await t.db.kysely.updateTable('persons').set({ status: 'released' }).where('id', '=', person.id).execute();
    expect((await call(haizhou, 'POST', '/travel/check', { idNumber: closeContactId, destination: '110000' })).json().decision).toBe('allow');
    await t.db.kysely.updateTable('persons').set({ status: 'managed' }).where('id', '=', person.id).execute();
  });

  it('needs the travel:check permission', async () => {
    expect((await call(leader, 'POST', '/travel/check', { idNumber: closeContactId, destination: '110000' })).statusCode).toBe(403);
  });

  it('pages the log newest first, ties in time by id, a day by its China hours, a decision and the ground', async () => {
    type Check = { id: string; checkedAt: string; checkDay: string; decision: string; regionCode: string };
    const pages = (cookie: string, query: string, limit: number) => allPages<Check>((path) => call(cookie, 'GET', path), `/travel-checks${query}`, limit);
    // Two checks either side of midnight in China (16:00 UTC), each a deny and an allow.
    t.clock.advance(Date.parse('2022-08-10T15:59:59.500Z') - t.clock.now().getTime());
    // The sessions of the morning have gone idle past their timeout.
    [haizhou, lianyun] = await Promise.all([t.login('haizhou'), t.login('lianyun')]);
    for (const id of [closeContactId, idNumber(next())]) await call(haizhou, 'POST', '/travel/check', { idNumber: id, destination: '110000' });
    t.clock.advance(1000);
    for (const id of [closeContactId, idNumber(next())]) await call(haizhou, 'POST', '/travel/check', { idNumber: id, destination: '110000' });

    const all = await pages(haizhou, '', 200);
    const rows = (await checks()).filter((r) => r.region_code.startsWith('320706'));
    expect(all.map((c) => c.id).sort()).toEqual(rows.map((r) => r.id).sort());
    const order = all.map((c) => `${c.checkedAt} ${c.id}`);
    expect(order).toEqual([...order].sort().reverse());
    for (const limit of [1, 2]) expect((await pages(haizhou, '', limit)).map((c) => c.id)).toEqual(all.map((c) => c.id));
    // The 25 checks made at one moment share their instant: paging through them must not skip or repeat one.
    const lianyunAll = await pages(lianyun, '', 200);
    expect(new Set(lianyunAll.map((c) => c.checkedAt)).size).toBeLessThan(lianyunAll.length);
    expect((await pages(lianyun, '', 1)).map((c) => c.id)).toEqual(lianyunAll.map((c) => c.id));
    expect(lianyunAll.every((c) => c.regionCode.startsWith('320703'))).toBe(true);

    for (const day of ['2022-08-10', '2022-08-11']) {
      const ofDay = await pages(haizhou, `?day=${day}`, 1);
      expect(ofDay.map((c) => c.id)).toEqual(all.filter((c) => c.checkDay === day).map((c) => c.id));
      expect(ofDay.length).toBeGreaterThan(0);
      const denials = await pages(haizhou, `?day=${day}&decision=deny`, 1);
      expect(denials.map((c) => c.id)).toEqual(all.filter((c) => c.checkDay === day && c.decision === 'deny').map((c) => c.id));
    }
    expect((await pages(haizhou, '?day=2022-08-11', 200)).map((c) => c.checkedAt)).toEqual(all.filter((c) => c.checkedAt >= '2022-08-10T16:00:00.000Z').map((c) => c.checkedAt));
    expect((await pages(haizhou, '?decision=deny', 2)).map((c) => c.id)).toEqual(all.filter((c) => c.decision === 'deny').map((c) => c.id));
  });
});
