import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { fictitiousIds } from '../../../test-support/fixtures.js';

const idNumber = fictitiousIds({ fromYear: 1980, sequence: 300 });

describe.each(ENGINES)('graded area risk on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let leader: string;
  let town: string;
  let community: string;
  let serial = 100;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun, leader] = await Promise.all([t.login('haizhou'), t.login('lianyun'), t.login('leader')]);
    // A town of 海州区 without demo persons, so that its last infection is this suite's.
    const row = await t.db.kysely
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 'community')
      .where('code', '>=', '320706')
      .where('code', '<', '320706~')
      .where((eb) => eb(eb.fn('substr', ['code', eb.val(1), eb.val(9)]), 'not in', eb.selectFrom('persons').select((p) => p.fn('substr', ['region_code', p.val(1), p.val(9)]).as('town'))))
      .orderBy('code', 'desc')
      .executeTakeFirstOrThrow();
    community = row.code;
    town = community.slice(0, 9);
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });

  describe('designation', () => {
    it('designates a town high under the 9th edition; only the policy permission may', async () => {
      expect((await call(haizhou, 'POST', '/areas/risk', { regionCode: town, level: 'high', effectiveFrom: '2022-07-01', reason: '新增本土病例' })).statusCode).toBe(403);
      const response = await call(leader, 'POST', '/areas/risk', { regionCode: town, level: 'high', effectiveFrom: '2022-07-01', reason: '新增本土病例' });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ regionCode: town, level: 'high', effectiveFrom: '2022-07-01', effectiveTo: null, edition: 'edition_9', current: { level: 'high', clockSource: 'designation' } });
      const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', response.json().id).execute();
      expect(audit.map((a) => a.action)).toEqual(['area_risk.set']);
    });

    it('refuses a level the edition in force does not designate', async () => {
      const medium = await call(leader, 'POST', '/areas/risk', { regionCode: '320703', level: 'medium', effectiveFrom: '2022-11-20', reason: '测试' });
      expect(medium.statusCode).toBe(400);
      expect(medium.json().errors).toEqual([expect.objectContaining({ field: 'level', code: 'not_in_edition' })]);
      const classB = await call(leader, 'POST', '/areas/risk', { regionCode: '320703', level: 'high', effectiveFrom: '2023-02-01', reason: '测试' });
      expect(classB.json().errors).toEqual([expect.objectContaining({ field: 'level', code: 'not_in_edition' })]);
      expect((await call(leader, 'POST', '/areas/risk', { regionCode: '320703', level: 'high', effectiveFrom: '2022-07-01', reason: '测试', edition: 'twenty_measures' })).statusCode).toBe(400);
      expect((await call(leader, 'POST', '/areas/risk', { regionCode: '999999', level: 'high', effectiveFrom: '2022-07-01', reason: '测试' })).json().errors).toEqual([expect.objectContaining({ field: 'regionCode' })]);
    });
  });

  describe('automatic step-downs, counted from the last new infection', () => {
    beforeAll(async () => {
      const n = (serial += 1);
      const created = await call(haizhou, 'POST', '/persons', { name: '区域测试', idNumber: idNumber(n), phone: `133${String(n).padStart(8, '0')}`, gridCode: community, category: 'confirmed', sampleDate: '2022-07-03', reportDate: '2022-07-03' });
      expect(created.statusCode).toBe(201);
    });

    it.each([
      // 9th edition: high → medium after 7 full days without a new infection, → low after 10.
      ['2022-07-05', 'high', { level: 'medium', on: '2022-07-11' }],
      ['2022-07-10', 'high', { level: 'medium', on: '2022-07-11' }],
      ['2022-07-11', 'medium', { level: 'low', on: '2022-07-14' }],
      ['2022-07-14', 'low', null],
    ])('on %s the town is %s', async (date, level, next) => {
      const response = await call(haizhou, 'GET', `/areas/risk/${town}/next?date=${date}`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.designation.current).toMatchObject({ level, next, clockFrom: '2022-07-03', clockSource: 'infection', lastNewInfectionDate: '2022-07-03', edition: 'edition_9' });
      expect(body.transitions).toContainEqual({ from: 'high', to: 'medium', daysWithoutNewInfection: 7 });
    });

    it('restarts the clock at a new infection', async () => {
      const n = (serial += 1);
      await call(haizhou, 'POST', '/persons', { name: '区域测试', idNumber: idNumber(n), phone: `133${String(n).padStart(8, '0')}`, gridCode: community, category: 'asymptomatic', sampleDate: '2022-07-09', reportDate: '2022-07-09' });
      const body = (await call(haizhou, 'GET', `/areas/risk/${town}/next?date=2022-07-12`)).json();
      expect(body.designation.current).toMatchObject({ level: 'high', clockFrom: '2022-07-09', next: { level: 'medium', on: '2022-07-17' } });
    });

    it('lists the designations in force in the ground with their current level', async () => {
      const list = (await call(haizhou, 'GET', '/areas/risk?date=2022-07-12')).json();
      expect(list.date).toBe('2022-07-12');
      expect(list.items).toContainEqual(expect.objectContaining({ regionCode: town, level: 'high', current: expect.objectContaining({ level: 'high' }) }));
      expect((await call(lianyun, 'GET', '/areas/risk?date=2022-07-12')).json().items.map((a: { regionCode: string }) => a.regionCode)).not.toContain(town);
      expect((await call(lianyun, 'GET', `/areas/risk/${town}/next?date=2022-07-12`)).statusCode).toBe(404);
      expect((await call(haizhou, 'GET', '/areas/risk?date=2022-06-30')).json().items.map((a: { regionCode: string }) => a.regionCode)).not.toContain(town);
    });

    it('ends a designation when a new one starts, refuses one dated before it, and takes a same-day correction', async () => {
      expect((await call(leader, 'POST', '/areas/risk', { regionCode: town, level: 'low', effectiveFrom: '2022-07-20', reason: '解除' })).statusCode).toBe(201);
      const on21 = (await call(haizhou, 'GET', '/areas/risk?date=2022-07-21')).json().items.filter((a: { regionCode: string }) => a.regionCode === town);
      expect(on21).toEqual([expect.objectContaining({ level: 'low', effectiveFrom: '2022-07-20' })]);
      const on19 = (await call(haizhou, 'GET', '/areas/risk?date=2022-07-19')).json().items.filter((a: { regionCode: string }) => a.regionCode === town);
      expect(on19).toEqual([expect.objectContaining({ level: 'high', effectiveTo: '2022-07-20' })]);
      expect((await call(leader, 'POST', '/areas/risk', { regionCode: town, level: 'medium', effectiveFrom: '2022-07-15', reason: '补录' })).statusCode).toBe(409);
      expect((await call(leader, 'POST', '/areas/risk', { regionCode: town, level: 'medium', effectiveFrom: '2022-07-20', reason: '更正为中风险' })).statusCode).toBe(201);
      const corrected = (await call(haizhou, 'GET', '/areas/risk?date=2022-07-21')).json().items.filter((a: { regionCode: string }) => a.regionCode === town);
      expect(corrected).toEqual([expect.objectContaining({ level: 'medium', reason: '更正为中风险' })]);
    });
  });
});
