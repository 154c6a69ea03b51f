import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 洪门街道 红旗社区 (海州区): the demo data has no accidents in this town. */
const HAIZHOU_COMMUNITY = '320706013001';
/** 宿城街道 夏庄 (连云区). */
const LIANYUN_COMMUNITY = '320703009001';

describe.each(ENGINES)('accident reports on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let leader: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun, leader] = await Promise.all([t.login('haizhou'), t.login('lianyun'), t.login('leader')]);
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  const ago = (ms: number) => new Date(t.clock.now().getTime() - ms).toISOString();
  const accident = (overrides: Record<string, unknown> = {}) => ({
    occurredAt: ago(2 * HOUR),
    regionCode: HAIZHOU_COMMUNITY,
    type: 'machinery_injury',
    deaths: 0,
    seriousInjuries: 1,
    directLossYuan: 100_000,
    ...overrides,
  });
  const report = async (cookie: string, overrides: Record<string, unknown> = {}) => {
    const response = await call(cookie, 'POST', '/accidents', accident(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const rows = async () => {
    const count = async (table: 'accidents' | 'accident_revisions') => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const audit = Number((await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', 'like', 'accident%').executeTakeFirstOrThrow()).n);
    return { accidents: await count('accidents'), revisions: await count('accident_revisions'), audit };
  };

  describe('the grade (Order 493 art. 3)', () => {
    it("answers the issue's minimal report with its grade, label and first report, and audits it", async () => {
      const body = { occurredAt: ago(3 * HOUR), regionCode: HAIZHOU_COMMUNITY, type: 'fall_from_height', deaths: 1, seriousInjuries: 0, directLossYuan: 1_500_000 };
      const response = await call(haizhou, 'POST', '/accidents', body);
      expect(response.statusCode).toBe(201);
      const created = response.json();
      expect(created).toMatchObject({
        grade: 'ordinary',
        gradeLabel: { 'zh-CN': '一般事故', en: 'Ordinary accident' },
        typeLabel: { 'zh-CN': '高处坠落' },
        regionCode: HAIZHOU_COMMUNITY,
        regionName: '海州区 洪门街道 红旗社区居委会',
        learnedAt: new Date(body.occurredAt).toISOString(),
        context: 'other',
        deaths: 1,
        missing: 0,
        directLossYuan: 1_500_000,
        revisionCount: 1,
        firstReported: { deaths: 1, grade: 'ordinary' },
        version: 1,
      });
      expect(created.reporting.chain).toEqual(['county', 'city']);
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'accident.report').where('object_id', '=', created.id).execute();
      expect(audit).toHaveLength(1);
      expect((await call(leader, 'GET', `/accidents/${created.id}`)).json()).toMatchObject({ id: created.id, grade: 'ordinary' });
    });

    it.each([
      [{ deaths: 2, seriousInjuries: 9, directLossYuan: 9_999_999 }, 'ordinary'],
      [{ deaths: 3 }, 'relatively_serious'],
      [{ deaths: 10 }, 'serious'],
      [{ deaths: 30 }, 'extraordinarily_serious'],
      [{ seriousInjuries: 50 }, 'serious'],
      [{ directLossYuan: 50_000_000 }, 'serious'],
      [{ directLossYuan: 100_000_000 }, 'extraordinarily_serious'],
      [{ deaths: 1, seriousInjuries: 10, directLossYuan: 60_000_000 }, 'serious'],
    ])('grades %o as %s', async (measures, grade) => {
      const created = await report(haizhou, { deaths: 0, seriousInjuries: 0, directLossYuan: 0, ...measures });
      expect(created.grade).toBe(grade);
    });

    it('writes a retried report once when it carries the same Idempotency-Key', async () => {
      const before = await rows();
      const send = () => t.app.inject({ method: 'POST', url: '/api/v1/accidents', headers: { cookie: haizhou, 'idempotency-key': 'accident-retry-0001' }, payload: accident() });
      const [first, again] = [await send(), await send()];
      expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json().id).toBe(first.json().id);
      expect((await rows()).accidents).toBe(before.accidents + 1);
    });

    it('takes industry from the enterprise and refuses an enterprise outside the ground', async () => {
      const own = await t.db.kysely.selectFrom('enterprises').select(['id', 'name', 'industry_code']).where('region_code', 'like', '320706%').executeTakeFirstOrThrow();
      const foreign = await t.db.kysely.selectFrom('enterprises').select('id').where('region_code', 'like', '320703%').executeTakeFirstOrThrow();
      const created = await report(haizhou, { enterpriseId: own.id });
      expect(created).toMatchObject({ enterpriseId: own.id, enterpriseName: own.name, industryCode: own.industry_code });
      const before = await rows();
      const refused = await call(haizhou, 'POST', '/accidents', accident({ enterpriseId: foreign.id }));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'enterpriseId' })]);
      expect(await rows()).toEqual(before);
    });
  });

  describe('bad input', () => {
    it.each([
      ['a negative count', { deaths: -1 }, 'deaths', 'out_of_range'],
      ['a fractional count', { seriousInjuries: 1.5 }, 'seriousInjuries', 'wrong_type'],
      ['a fractional loss', { directLossYuan: 100.5 }, 'directLossYuan', 'wrong_type'],
      ['an unknown type', { type: 'meteor_strike' }, 'type', 'unknown_accident_type'],
      ['a region outside the ground', { regionCode: LIANYUN_COMMUNITY }, 'regionCode', 'outside_ground'],
      ['an unknown region', { regionCode: '320706013999' }, 'regionCode', 'unknown_region'],
      ['a time in the future', { occurredAt: new Date(Date.UTC(2099, 0, 1)).toISOString() }, 'occurredAt', 'in_future'],
      ['a time without its offset', { occurredAt: '2026-01-05T08:00:00' }, 'occurredAt', 'invalid'],
      ['learning of it before it happened', { learnedAt: '2020-01-01T00:00:00Z' }, 'learnedAt', 'before_occurrence'],
      ['an unknown field', { victims: 3 }, 'victims', 'unknown_field'],
    ])('refuses %s with a 400 field error and writes nothing', async (_, overrides, field, code) => {
      const before = await rows();
      const response = await call(haizhou, 'POST', '/accidents', accident(overrides));
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors).toEqual([expect.objectContaining({ field, code })]);
      expect(await rows()).toEqual(before);
    });

    it('refuses a missing required figure', async () => {
      const { deaths: _omitted, ...body } = accident();
      const response = await call(haizhou, 'POST', '/accidents', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([expect.objectContaining({ field: 'deaths', code: 'required' })]);
    });
  });

  describe('ground', () => {
    it("hides another district's accident from reads, writes, lists, inbox and statistics", async () => {
      const before = (await call(haizhou, 'GET', '/safety/double-decrease')).json();
      const foreign = await report(lianyun, { regionCode: LIANYUN_COMMUNITY, deaths: 4 });
      for (const [method, url, payload] of [
        ['GET', `/accidents/${foreign.id}`, undefined],
        ['POST', `/accidents/${foreign.id}/revisions`, { version: 1, deaths: 5, seriousInjuries: 1, missing: 0, directLossYuan: 100_000, reason: '补报' }],
        ['POST', `/accidents/${foreign.id}/level-reports`, { level: 'county', reportedAt: ago(HOUR) }],
        ['POST', `/accidents/${foreign.id}/investigation-extension`, { days: 10, approvedBy: '区政府', reason: '技术鉴定' }],
      ] as const) {
        expect((await call(haizhou, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
      }
      const list = (await call(haizhou, 'GET', '/accidents?limit=200')).json().items as Array<{ id: string; regionCode: string }>;
      expect(list.some((a) => a.id === foreign.id)).toBe(false);
      expect(list.every((a) => a.regionCode.startsWith('320706'))).toBe(true);
      expect((await call(haizhou, 'GET', '/accidents?regionCode=320703')).json().items).toEqual([]);
      expect((await call(haizhou, 'GET', '/safety/accident-obligations')).json().items.some((o: { accidentId: string }) => o.accidentId === foreign.id)).toBe(false);
      expect((await call(haizhou, 'GET', '/safety/double-decrease?regionCode=320703')).statusCode).toBe(404);
      expect((await call(haizhou, 'GET', '/safety/accident-obligations?regionCode=320703')).statusCode).toBe(404);
      const after = (await call(haizhou, 'GET', '/safety/double-decrease')).json();
      expect(after.current).toEqual(before.current);
      expect(after.ranking.map((r: { regionCode: string }) => r.regionCode).every((code: string) => code.startsWith('320706'))).toBe(true);
      expect((await call(leader, 'GET', `/accidents/${foreign.id}`)).statusCode).toBe(200);
    });

    it('lets a reader without the report permission read but not report', async () => {
      expect((await call(leader, 'POST', '/accidents', accident())).statusCode).toBe(403);
    });
  });

  describe('supplementary reports (续报/补报, art. 13)', () => {
    it('changes the grade within the window, keeps the first report and extends the reporting chain', async () => {
      const created = await report(haizhou, { occurredAt: ago(DAY), deaths: 2, seriousInjuries: 3, directLossYuan: 800_000 });
      expect(created.reporting.chain).toEqual(['county', 'city']);
      const revised = await call(haizhou, 'POST', `/accidents/${created.id}/revisions`, { version: 1, deaths: 3, seriousInjuries: 2, missing: 1, directLossYuan: 900_000, reason: '一名重伤人员抢救无效死亡' });
      expect(revised.statusCode).toBe(201);
      const body = revised.json();
      expect(body).toMatchObject({
        deaths: 3,
        seriousInjuries: 2,
        missing: 1,
        grade: 'relatively_serious',
        gradeLabel: { 'zh-CN': '较大事故' },
        firstReported: { deaths: 2, seriousInjuries: 3, directLossYuan: 800_000, grade: 'ordinary' },
        revisionCount: 2,
        version: 2,
      });
      expect(body.revisions.map((r: { seq: number; grade: string; reason: string | null }) => [r.seq, r.grade, r.reason])).toEqual([
        [1, 'ordinary', null],
        [2, 'relatively_serious', '一名重伤人员抢救无效死亡'],
      ]);
      expect(body.reporting.chain).toEqual(['county', 'city', 'province']);
      expect(body.reporting.owed.map((o: { level: string }) => o.level)).toEqual(['county', 'city', 'province']);
      const audit = await t.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'accident.revise').where('object_id', '=', created.id).execute();
      expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ fromGrade: 'ordinary', grade: 'relatively_serious' });
    });

    it('asks for the version read (428), refuses a stale one (409) and unchanged figures (400)', async () => {
      const created = await report(haizhou, { occurredAt: ago(DAY) });
      const figures = { deaths: 1, seriousInjuries: 1, missing: 0, directLossYuan: 100_000, reason: '补报' };
      expect((await call(haizhou, 'POST', `/accidents/${created.id}/revisions`, figures)).statusCode).toBe(428);
      expect((await call(haizhou, 'POST', `/accidents/${created.id}/revisions`, { ...figures, version: 1 })).statusCode).toBe(201);
      expect((await call(haizhou, 'POST', `/accidents/${created.id}/revisions`, { ...figures, deaths: 2, version: 1 })).statusCode).toBe(409);
      const unchanged = await call(haizhou, 'POST', `/accidents/${created.id}/revisions`, { ...figures, version: 2 });
      expect(unchanged.statusCode).toBe(400);
      expect(unchanged.json().errors).toEqual([expect.objectContaining({ code: 'no_change' })]);
    });

    it('refuses a report after 30 days (7 for road traffic and fire) with 422 supplementary_window_closed', async () => {
      const figures = { version: 1, deaths: 1, seriousInjuries: 1, missing: 0, directLossYuan: 100_000, reason: '补报' };
      const old = await report(haizhou, { occurredAt: ago(31 * DAY) });
      const late = await call(haizhou, 'POST', `/accidents/${old.id}/revisions`, figures);
      expect(late.statusCode).toBe(422);
      expect(late.json()).toMatchObject({ code: 'supplementary_window_closed' });
      expect((await call(haizhou, 'GET', `/accidents/${old.id}`)).json()).toMatchObject({ deaths: 0, revisionCount: 1, supplementaryWindowOpen: false });

      const road = await report(haizhou, { occurredAt: ago(8 * DAY), type: 'vehicle_injury', context: 'road_traffic' });
      expect((await call(haizhou, 'POST', `/accidents/${road.id}/revisions`, figures)).statusCode).toBe(422);
      const plant = await report(haizhou, { occurredAt: ago(8 * DAY), type: 'vehicle_injury' });
      expect((await call(haizhou, 'POST', `/accidents/${plant.id}/revisions`, figures)).statusCode).toBe(201);
    });
  });

  describe('the reporting clock (art. 9–11)', () => {
    it('marks a county report after 1 hour as late and times the city from it', async () => {
      const learnedAt = ago(5 * HOUR);
      const created = await report(haizhou, { occurredAt: ago(6 * HOUR), learnedAt });
      const at = (ms: number) => new Date(new Date(learnedAt).getTime() + ms).toISOString();
      const county = await call(haizhou, 'POST', `/accidents/${created.id}/level-reports`, { level: 'county', reportedAt: at(HOUR + 60_000) });
      expect(county.statusCode).toBe(201);
      const city = (await call(haizhou, 'POST', `/accidents/${created.id}/level-reports`, { level: 'city', reportedAt: at(3 * HOUR) })).json();
      expect(city.reporting.levels).toEqual([
        { level: 'county', owedBy: 'unit', dueAt: at(HOUR), reportedAt: at(HOUR + 60_000), status: 'late' },
        { level: 'city', owedBy: 'county', dueAt: at(3 * HOUR + 60_000), reportedAt: at(3 * HOUR), status: 'on_time' },
      ]);
      expect(city.reporting.owed).toEqual([]);
      const audit = await t.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'accident.level_report').where('object_id', '=', created.id).orderBy('seq').execute();
      expect(audit.map((row) => JSON.parse(row.detail!).status)).toEqual(['late', 'on_time']);
    });

    it('shows unreported levels as pending, then overdue, and lists them in the inbox for escalation', async () => {
      const fresh = await report(haizhou, { occurredAt: ago(30 * 60_000) });
      expect(fresh.reporting.levels.map((l: { status: string }) => l.status)).toEqual(['pending', 'pending']);
      const stale = await report(haizhou, { occurredAt: ago(4 * HOUR) });
      expect(stale.reporting.levels.map((l: { status: string }) => l.status)).toEqual(['overdue', 'overdue']);
      const inbox = (await call(haizhou, 'GET', '/safety/accident-obligations')).json();
      const mine = inbox.items.filter((o: { accidentId: string }) => o.accidentId === stale.id);
      expect(mine).toEqual([
        expect.objectContaining({ kind: 'report', level: 'county', owedBy: 'unit', status: 'overdue', escalate: true }),
        expect.objectContaining({ kind: 'escalation', level: 'city', owedBy: 'county', status: 'overdue', escalate: true }),
      ]);
      expect(inbox.items.filter((o: { accidentId: string }) => o.accidentId === fresh.id).map((o: { status: string }) => o.status)).toEqual(['due_soon', 'due_soon']);
      expect(inbox.counts.overdue).toBeGreaterThanOrEqual(2);
    });

    it('refuses a level the grade does not require and a second report to the same level', async () => {
      const created = await report(haizhou);
      const province = await call(haizhou, 'POST', `/accidents/${created.id}/level-reports`, { level: 'province', reportedAt: ago(HOUR) });
      expect(province.statusCode).toBe(400);
      expect(province.json().errors).toEqual([expect.objectContaining({ field: 'level', code: 'not_in_reporting_chain' })]);
      expect((await call(haizhou, 'POST', `/accidents/${created.id}/level-reports`, { level: 'county', reportedAt: ago(HOUR) })).statusCode).toBe(201);
      expect((await call(haizhou, 'POST', `/accidents/${created.id}/level-reports`, { level: 'county', reportedAt: ago(HOUR) })).statusCode).toBe(409);
      const early = await call(haizhou, 'POST', `/accidents/${created.id}/level-reports`, { level: 'city', reportedAt: ago(3 * HOUR) });
      expect(early.json().errors).toEqual([expect.objectContaining({ field: 'reportedAt', code: 'before_occurrence' })]);
    });
  });

  describe('investigation and reply (art. 29, 32)', () => {
    it('extends the investigation with the approval recorded, at most 60 days, then times the reply from the report', async () => {
      const occurredAt = ago(10 * DAY);
      const created = await report(haizhou, { occurredAt });
      const due = (days: number) => new Date(new Date(occurredAt).getTime() + days * DAY).toISOString();
      expect(created.investigation).toMatchObject({ dueAt: due(60), extensionDays: 0, status: 'pending', submittedAt: null });
      expect(created.reply).toEqual({ dueAt: null, repliedAt: null, status: 'awaiting_report' });
      const extended = await call(haizhou, 'POST', `/accidents/${created.id}/investigation-extension`, { days: 40, approvedBy: '海州区人民政府', reason: '需进行技术鉴定' });
      expect(extended.statusCode).toBe(201);
      expect(extended.json().investigation).toMatchObject({ dueAt: due(100), extensionDays: 40, extensions: [expect.objectContaining({ days: 40, approvedBy: '海州区人民政府' })] });
      const tooLong = await call(haizhou, 'POST', `/accidents/${created.id}/investigation-extension`, { days: 21, approvedBy: '海州区人民政府', reason: '再延期' });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().errors).toEqual([expect.objectContaining({ field: 'days', code: 'out_of_range' })]);

      expect((await call(haizhou, 'POST', `/accidents/${created.id}/reply`, { repliedAt: ago(HOUR) })).statusCode).toBe(409);
      const submittedAt = ago(DAY);
      const submitted = (await call(haizhou, 'POST', `/accidents/${created.id}/investigation-report`, { submittedAt })).json();
      expect(submitted.investigation).toMatchObject({ submittedAt, status: 'on_time' });
      expect(submitted.reply).toEqual({ dueAt: new Date(new Date(submittedAt).getTime() + 15 * DAY).toISOString(), repliedAt: null, status: 'pending' });
      const replied = (await call(haizhou, 'POST', `/accidents/${created.id}/reply`, { repliedAt: ago(HOUR) })).json();
      expect(replied.reply.status).toBe('on_time');
      const inbox = (await call(haizhou, 'GET', '/safety/accident-obligations')).json();
      expect(inbox.items.some((o: { accidentId: string }) => o.accidentId === created.id)).toBe(false);
    });
  });

  describe('lists', () => {
    it('filters by grade, type, region and period, newest first, with a cursor', async () => {
      const serious = await report(haizhou, { deaths: 12, type: 'collapse', occurredAt: ago(3 * DAY) });
      const byGrade = (await call(haizhou, 'GET', '/accidents?grade=serious&limit=200')).json().items as Array<{ id: string; grade: string }>;
      expect(byGrade.map((a) => a.id)).toContain(serious.id);
      expect(byGrade.every((a) => a.grade === 'serious')).toBe(true);
      const byType = (await call(haizhou, 'GET', '/accidents?type=collapse&regionCode=320706013&limit=200')).json().items;
      expect(byType.map((a: { id: string }) => a.id)).toEqual([serious.id]);
      const day = new Date(new Date(serious.occurredAt).getTime() + 8 * HOUR).toISOString().slice(0, 10);
      const byDay = (await call(haizhou, 'GET', `/accidents?from=${day}&to=${day}&regionCode=320706013`)).json().items;
      expect(byDay.map((a: { id: string }) => a.id)).toContain(serious.id);
      const first = (await call(haizhou, 'GET', '/accidents?limit=2')).json();
      const second = (await call(haizhou, 'GET', `/accidents?limit=2&cursor=${first.nextCursor}`)).json();
      expect(first.items).toHaveLength(2);
      expect(second.items[0].occurredAt <= first.items[1].occurredAt).toBe(true);
      expect(second.items.map((a: { id: string }) => a.id)).not.toContain(first.items[1].id);
    });
  });
});
