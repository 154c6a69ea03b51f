import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Towns of 海州区 where the demo data has no accidents. */
const TOWN = '320706013';
const AS_OF_TOWN = '320706012';

describe.each(ENGINES)('double decrease, targets and the accident inbox on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let leader: string;
  let communities: string[];

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, leader] = await Promise.all([t.login('haizhou'), t.login('leader')]);
    communities = (await t.db.kysely.selectFrom('regions').select('code').where('parent_code', '=', TOWN).orderBy('code').execute()).map((r) => r.code);
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  const report = async (occurredAt: string, deaths: number, regionCode = communities[0]!) => {
    const response = await call(haizhou, 'POST', '/accidents', { occurredAt, regionCode, type: 'object_strike', deaths, seriousInjuries: 0, directLossYuan: 50_000 });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const doubleDecrease = async (query: string, cookie = haizhou) => {
    const response = await call(cookie, 'GET', `/safety/double-decrease?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  describe('double decrease (双下降)', () => {
    beforeAll(async () => {
      // June: 3 accidents and 2 deaths last year, 2 and 1 this year; July: deaths down only; August: accidents up.
      for (const [day, deaths, community] of [
        ['2024-06-03', 1, 0],
        ['2024-06-15', 1, 1],
        ['2024-06-28', 0, 1],
        ['2025-06-10', 1, 0],
        ['2025-06-30', 0, 0],
        ['2024-07-08', 1, 0],
        ['2025-07-09', 0, 0],
        ['2024-08-20', 0, 0],
        ['2025-08-01', 0, 0],
        ['2025-08-31', 0, 1],
      ] as const) {
        // 23:30 in China is 15:30 UTC the same day: counted on the Chinese calendar day.
        await report(`${day}T23:30:00+08:00`, deaths, communities[community]);
      }
    });

    it.each([
      ['2025-06-01', '2025-06-30', 'both_down', { accidents: 2, deaths: 1 }, { accidents: 3, deaths: 2 }],
      ['2025-07-01', '2025-07-31', 'one_down', { accidents: 1, deaths: 0 }, { accidents: 1, deaths: 1 }],
      ['2025-08-01', '2025-08-31', 'none_down', { accidents: 2, deaths: 0 }, { accidents: 1, deaths: 0 }],
      ['2025-06-01', '2025-08-31', 'one_down', { accidents: 5, deaths: 1 }, { accidents: 5, deaths: 3 }],
    ])('from %s to %s is %s', async (from, to, status, current, previous) => {
      const body = await doubleDecrease(`from=${from}&to=${to}&regionCode=${TOWN}`);
      expect(body).toMatchObject({ regionCode: TOWN, regionName: '洪门街道', status, current, previous, period: { from, to }, asOf: null });
      expect(body.previousPeriod).toEqual({ from: from.replace('2025', '2024'), to: to.replace('2025', '2024') });
    });

    it('gives the change, the label, the monthly series and the ranking of the children', async () => {
      const body = await doubleDecrease(`from=2025-06-01&to=2025-08-31&regionCode=${TOWN}`);
      expect(body.change).toEqual({ accidents: { delta: 0, ratio: 0 }, deaths: { delta: -2, ratio: -2 / 3 } });
      expect(body.statusLabel).toEqual({ 'zh-CN': '单下降', en: 'One down' });
      expect(body.monthly).toEqual([
        { month: '2025-06', previousMonth: '2024-06', current: { accidents: 2, deaths: 1 }, previous: { accidents: 3, deaths: 2 } },
        { month: '2025-07', previousMonth: '2024-07', current: { accidents: 1, deaths: 0 }, previous: { accidents: 1, deaths: 1 } },
        { month: '2025-08', previousMonth: '2024-08', current: { accidents: 2, deaths: 0 }, previous: { accidents: 1, deaths: 0 } },
      ]);
      expect(body.ranking).toHaveLength(communities.length);
      // Double decrease ranks before single decrease, whatever the sizes.
      expect(body.ranking[0]).toMatchObject({ rank: 1, regionCode: communities[1], current: { accidents: 1, deaths: 0 }, previous: { accidents: 2, deaths: 1 }, status: 'both_down' });
      expect(body.ranking[1]).toMatchObject({ rank: 2, regionCode: communities[0], current: { accidents: 4, deaths: 1 }, previous: { accidents: 3, deaths: 2 }, status: 'one_down' });
      expect(body.ranking.slice(2).every((r: { status: string; current: object }) => r.status === 'none_down')).toBe(true);
    });

    it('ranks the towns of a district, double decrease first', async () => {
      const body = await doubleDecrease('from=2025-06-01&to=2025-06-30&regionCode=320706');
      const town = body.ranking.find((r: { regionCode: string }) => r.regionCode === TOWN);
      expect(town).toMatchObject({ rank: 1, regionName: '洪门街道', status: 'both_down', current: { accidents: 2, deaths: 1 } });
      expect(body.ranking.every((r: { regionCode: string }) => r.regionCode.length === 9 && r.regionCode.startsWith('320706'))).toBe(true);
    });

    it('refuses a period that ends before it starts or is longer than a year', async () => {
      expect((await call(haizhou, 'GET', '/safety/double-decrease?from=2025-06-02&to=2025-06-01')).statusCode).toBe(400);
      expect((await call(haizhou, 'GET', '/safety/double-decrease?from=2024-01-01&to=2025-01-01')).statusCode).toBe(400);
      expect((await call(haizhou, 'GET', '/safety/double-decrease?from=2025-02-30&to=2025-03-01')).statusCode).toBe(400);
    });
  });

  describe('targets', () => {
    it('lets a district set its own target, which the statistics then compare with', async () => {
      const created = await call(haizhou, 'POST', '/safety/accident-targets', { year: 2025, regionCode: '320706', maxAccidents: 1, maxDeaths: 5 });
      expect(created.statusCode, created.body).toBe(201);
      const target = created.json();
      expect(target).toMatchObject({ year: 2025, regionCode: '320706', industryCode: null, maxAccidents: 1, maxDeaths: 5, version: 1 });
      const body = await doubleDecrease('from=2025-06-01&to=2025-06-30&regionCode=320706');
      expect(body.targetYear).toBe(2025);
      expect(body.target).toMatchObject({ id: target.id, accidentsExceeded: true, deathsExceeded: false });

      expect((await call(haizhou, 'PATCH', `/safety/accident-targets/${target.id}`, { maxAccidents: 3 })).statusCode).toBe(428);
      const changed = await call(haizhou, 'PATCH', `/safety/accident-targets/${target.id}`, { version: 1, maxAccidents: 3 });
      expect(changed.json()).toMatchObject({ maxAccidents: 3, maxDeaths: 5, version: 2 });
      expect((await call(haizhou, 'PATCH', `/safety/accident-targets/${target.id}`, { version: 1, maxAccidents: 4 })).statusCode).toBe(409);
      const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', target.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['accident_target.create', 'accident_target.update']);
    });

    it('refuses a town, a region outside the ground, a second target for the same year, and readers', async () => {
      const town = await call(haizhou, 'POST', '/safety/accident-targets', { year: 2025, regionCode: TOWN, maxAccidents: 1, maxDeaths: 1 });
      expect(town.json().errors).toEqual([expect.objectContaining({ field: 'regionCode', code: 'not_city_or_county' })]);
      const city = await call(haizhou, 'POST', '/safety/accident-targets', { year: 2025, regionCode: '320700', maxAccidents: 1, maxDeaths: 1 });
      expect(city.json().errors).toEqual([expect.objectContaining({ field: 'regionCode', code: 'outside_ground' })]);
      // The demo seeds this year's targets for every district.
      const year = Number(t.clock.now().toISOString().slice(0, 4));
      expect((await call(haizhou, 'POST', '/safety/accident-targets', { year, regionCode: '320706', maxAccidents: 1, maxDeaths: 1 })).statusCode).toBe(409);
      expect((await call(leader, 'POST', '/safety/accident-targets', { year: 2024, regionCode: '320700', maxAccidents: 1, maxDeaths: 1 })).statusCode).toBe(403);
      const listed = (await call(haizhou, 'GET', `/safety/accident-targets?year=${year}`)).json().items as Array<{ regionCode: string }>;
      expect(listed.map((x) => x.regionCode)).toEqual(['320706']);
    });
  });

  describe('the accident inbox', () => {
    it('lists investigations due soon or overdue and replies overdue, with escalation for overdue ones', async () => {
      const community = communities[2]!;
      const ago = (ms: number) => new Date(t.clock.now().getTime() - ms).toISOString();
      const soon = await report(ago(55 * DAY), 0, community);
      const late = await report(ago(61 * DAY), 0, community);
      const replied = await report(ago(40 * DAY), 0, community);
      for (const a of [soon, late, replied]) {
        for (const level of ['county', 'city']) await call(haizhou, 'POST', `/accidents/${a.id}/level-reports`, { level, reportedAt: new Date(new Date(a.learnedAt).getTime() + 30 * 60_000).toISOString() });
      }
      expect((await call(haizhou, 'POST', `/accidents/${replied.id}/investigation-report`, { submittedAt: ago(20 * DAY) })).statusCode).toBe(200);
      const inbox = (await call(haizhou, 'GET', `/safety/accident-obligations?regionCode=${community}`)).json();
      const summary = inbox.items.map((o: { accidentId: string; kind: string; status: string; escalate: boolean }) => [o.accidentId, o.kind, o.status, o.escalate]);
      expect(summary).toEqual([
        // Overdue first, earliest deadline first: the reply was due 5 days ago, the investigation 1 day ago.
        [replied.id, 'reply', 'overdue', true],
        [late.id, 'investigation', 'overdue', true],
        [soon.id, 'investigation', 'due_soon', false],
      ]);
      expect(inbox.counts).toEqual({ overdue: 2, dueSoon: 1 });
    });
  });

  describe('reproducible statistics (asOf)', () => {
    it('recomputes a figure as it was known on a day: later revisions and late-logged accidents are left out', async () => {
      const community = (await t.db.kysely.selectFrom('regions').select('code').where('parent_code', '=', AS_OF_TOWN).orderBy('code').executeTakeFirstOrThrow()).code;
      const published = t.clock.now();
      const day = (d: Date) => new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
      const first = await report(new Date(published.getTime() - DAY).toISOString(), 1, community);

      t.clock.advance(2 * DAY);
      haizhou = await t.login('haizhou');
      const revised = await call(haizhou, 'POST', `/accidents/${first.id}/revisions`, { version: 1, deaths: 2, seriousInjuries: 0, missing: 0, directLossYuan: 50_000, reason: '一名伤者死亡' });
      expect(revised.statusCode).toBe(201);
      await report(new Date(published.getTime() - 2 * DAY).toISOString(), 1, community);

      const period = `from=${day(new Date(published.getTime() - 3 * DAY))}&to=${day(published)}&regionCode=${AS_OF_TOWN}`;
      expect((await doubleDecrease(period)).current).toEqual({ accidents: 2, deaths: 3 });
      const asPublished = await doubleDecrease(`${period}&asOf=${day(published)}`);
      expect(asPublished).toMatchObject({ asOf: day(published), current: { accidents: 1, deaths: 1 } });
      expect(asPublished.monthly.reduce((sum: number, m: { current: { deaths: number } }) => sum + m.current.deaths, 0)).toBe(1);
      expect((await doubleDecrease(`${period}&asOf=${day(t.clock.now())}`)).current).toEqual({ accidents: 2, deaths: 3 });
      expect((await doubleDecrease(`${period}&asOf=${day(new Date(published.getTime() - DAY))}`)).current).toEqual({ accidents: 0, deaths: 0 });
    });
  });
});
