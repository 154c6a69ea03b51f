import { GOVERNANCE_PLAN_PARTS } from '@shoutu/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { EnterprisesRepository } from '../enterprises/enterprises.repository.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 洪门街道 红旗社区 (海州区), where the demo has no accidents. */
const HAIZHOU_COMMUNITY = '320706013001';
const PLAN = Object.fromEntries(GOVERNANCE_PLAN_PARTS.map((part) => [part, `测试治理方案：${part}`]));

interface Candidate {
  key: string;
  kind: string;
  triggerId: string;
  triggerPart: string | null;
  regionCode: string;
  title: string;
  lateMinutes: number;
  suggestions: Array<{ subjectKind: string; name: string; post: string | null; basis: { 'zh-CN': string } }>;
  evidence: { title: string; link: string | null; events: Array<{ at: string; who: string | null; what: { 'zh-CN': string }; detail: string | null; late: boolean }> };
}

interface RecordBody {
  id: string;
  regionCode: string;
  subjectName: string;
  status: string;
  measure: string | null;
  nextStatuses: string[];
  version: number;
  evidence: Candidate['evidence'];
}

/** Accountability (失职追责) through the API: candidates on a fake clock, decisions, the ground. */
describe.each(ENGINES)('accountability on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let leader: string;
  let yingji: string;
  let enterpriseId: string;

  /** Sessions end after 30 idle minutes: moving the clock on signs everyone in again. */
  const signIn = async () => {
    [haizhou, lianyun, leader, yingji] = (await Promise.all(['haizhou', 'lianyun', 'leader', 'yingji'].map((u) => t.login(u)))) as [string, string, string, string];
  };
  const advance = async (ms: number) => {
    t.clock.advance(ms);
    await signIn();
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    await signIn();
    enterpriseId = (await new EnterprisesRepository(t.db.kysely).list({ nameContains: '海州演示燃气有限公司' }, { limit: 1 }))[0]!.id;
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const ok = async <T>(response: Promise<LightMyRequestResponse>, status = 200): Promise<T> => {
    const answer = await response;
    expect(answer.statusCode, answer.body).toBe(status);
    return answer.json() as T;
  };
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json() as { code: string; message: { 'zh-CN': string; en: string }; errors?: Array<{ field: string; code: string }> };
    expect(body.code).toBe(code);
    return body;
  };
  const candidates = async (cookie: string, query = '') => (await ok<{ items: Candidate[]; overdueDays: number }>(call(cookie, 'GET', `/safety/accountability/candidates${query}`))).items;
  const keys = async (cookie: string, query = '') => (await candidates(cookie, query)).map((candidate) => candidate.key);
  const rows = async () => ({
    records: Number((await t.db.kysely.selectFrom('accountability_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    audit: Number((await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  });
  const at = (offset: number) => new Date(t.clock.now().getTime() + offset).toISOString();
  /** Yesterday in China, a decision day that is never in the future. */
  const yesterday = () => new Date(t.clock.now().getTime() + 8 * HOUR - DAY).toISOString().slice(0, 10);

  /** A major hazard of the demo gas company with its deadline `deadlineIn` from now. */
  async function majorHazard(deadlineIn: number): Promise<{ id: string }> {
    const found = await ok<{ id: string; version: number }>(call(haizhou, 'POST', '/hazards', { enterpriseId, grade: 'major', description: '测试：液化气储罐紧急切断阀失效' }), 201);
    return ok(call(haizhou, 'POST', `/hazards/${found.id}/transitions`, { action: 'assign', version: found.version, responsibleUnit: '储运部', responsiblePerson: '王建设', deadline: at(deadlineIn), governancePlan: PLAN }));
  }

  describe('candidates', () => {
    it('proposes the demo major hazard overdue beyond the configured day to the city, not to another district', async () => {
      const leaderCandidates = await candidates(leader, '?kind=overdue_major_hazard');
      const demo = leaderCandidates.find((candidate) => candidate.title.startsWith('连云港演示化工有限公司：涉及重点监管危险化工工艺的装置未实现自动化控制'));
      expect(demo).toBeDefined();
      expect(demo!.regionCode.startsWith('320703')).toBe(true);
      expect(demo!.evidence.events.map((event) => event.what['zh-CN'])).toEqual(expect.arrayContaining(['发现隐患', '挂牌督办', '交办整改', '整改期限届满未完成']));
      expect(demo!.suggestions.some((s) => s.subjectKind === 'unit' && s.basis['zh-CN'] === '挂牌督办单位')).toBe(true);
      expect((await candidates(haizhou)).every((candidate) => candidate.regionCode.startsWith('320706'))).toBe(true);
    });

    it('proposes a major hazard only once it is overdue by more than N days, and never again once decided', async () => {
      const hazard = await majorHazard(2 * DAY);
      const key = `overdue_major_hazard:${hazard.id}`;
      expect(await keys(haizhou)).not.toContain(key);
      await advance(2 * DAY + 1 * DAY - MINUTE); // one minute short of a day overdue
      expect(await keys(haizhou, '?overdueDays=1')).not.toContain(key);
      expect(await keys(haizhou, '?overdueDays=0')).toContain(key);
      await advance(2 * MINUTE);
      expect(await keys(haizhou)).toContain(key);
      expect(await keys(haizhou, '?overdueDays=3')).not.toContain(key);
      expect(await keys(lianyun)).not.toContain(key);

      const candidate = (await candidates(haizhou)).find((c) => c.key === key)!;
      expect(candidate.lateMinutes).toBe(DAY / MINUTE + 1);
      const events = candidate.evidence.events;
      expect(events.map((event) => event.what['zh-CN'])).toEqual(['发现隐患', '交办整改', '整改期限届满未完成']);
      expect(events[1]!.who).toBe('演示·海州区干部');
      expect(events[1]!.detail).toContain('王**');
      expect(events[2]).toMatchObject({ late: true });
      expect(candidate.evidence.link).toBe(`/safety/hazards/${hazard.id}`);
      expect(candidate.suggestions).toContainEqual(expect.objectContaining({ subjectKind: 'person', name: '郑国强（演示）', post: '分管安全生产副区长', unit: '海州区' }));
      expect(candidate.suggestions).toContainEqual(expect.objectContaining({ subjectKind: 'unit', name: '海州演示燃气有限公司' }));

      const record = await ok<RecordBody>(
        call(haizhou, 'POST', '/safety/accountability/records', {
          triggerKind: 'overdue_major_hazard',
          triggerId: hazard.id,
          subjectKind: 'person',
          subjectName: '郑国强（演示）',
          subjectPost: '分管安全生产副区长',
          facts: '重大事故隐患逾期一天未完成治理，未督促企业落实治理方案。',
          status: 'decided',
          measure: 'admonishment',
          decidedBy: '海州区纪委监委',
          decidedOn: yesterday(),
        }),
        201,
      );
      expect(record).toMatchObject({ status: 'decided', measure: 'admonishment', subjectName: '郑******', nextStatuses: ['executed', 'revoked'], version: 1 });
      expect(record.evidence.events).toEqual(events);
      expect(await keys(haizhou)).not.toContain(key);
      expect(await keys(haizhou, '?overdueDays=0')).not.toContain(key);
      await advance(30 * DAY);
      expect(await keys(leader)).not.toContain(key);
    });

    it('proposes an accident report that is overdue, and keeps proposing it once it came late', async () => {
      const accident = await ok<{ id: string }>(
        call(haizhou, 'POST', '/accidents', { occurredAt: at(-3 * HOUR), regionCode: HAIZHOU_COMMUNITY, type: 'machinery_injury', deaths: 1, seriousInjuries: 0, directLossYuan: 300_000, enterpriseId }),
        201,
      );
      const county = `late_accident_report:${accident.id}:county`;
      const overdue = (await candidates(haizhou, '?kind=late_accident_report')).find((c) => c.key === county);
      expect(overdue).toMatchObject({ triggerPart: 'county', lateMinutes: 120 });
      expect(overdue!.title).toContain('逾期未报');
      expect(overdue!.suggestions).toEqual([expect.objectContaining({ subjectKind: 'unit', name: '海州演示燃气有限公司' })]);
      await ok(call(haizhou, 'POST', `/accidents/${accident.id}/level-reports`, { level: 'county', reportedAt: at(-30 * MINUTE) }), 201);
      const late = (await candidates(haizhou, '?kind=late_accident_report')).find((c) => c.key === county)!;
      expect(late.title).toContain('迟报');
      expect(late.lateMinutes).toBe(90);
      expect(late.evidence.events.find((event) => event.what['zh-CN'] === '报告至县级监管部门')).toMatchObject({ late: true, who: '海州演示燃气有限公司' });
      // The county now owes the city its report within 2 hours of its own.
      expect(await keys(haizhou, '?kind=late_accident_report')).not.toContain(`late_accident_report:${accident.id}:city`);
      await advance(2 * HOUR);
      const city = (await candidates(haizhou, '?kind=late_accident_report')).find((c) => c.key === `late_accident_report:${accident.id}:city`)!;
      expect(city.suggestions).toContainEqual(expect.objectContaining({ subjectKind: 'person', name: '郑国强（演示）', post: '分管安全生产副区长' }));

      await ok(call(haizhou, 'POST', '/safety/accountability/records', { triggerKind: 'late_accident_report', triggerId: accident.id, triggerPart: 'county', subjectKind: 'unit', subjectName: '海州演示燃气有限公司', facts: '事故发生后迟报 90 分钟。', status: 'investigating' }), 201);
      expect(await keys(haizhou, '?kind=late_accident_report')).not.toContain(county);
      expect(await keys(haizhou, '?kind=late_accident_report')).toContain(`late_accident_report:${accident.id}:city`);
    });
  });

  describe('records', () => {
    it('keeps a district officer to the records of their district', async () => {
      const ofLianyun = (await ok<{ items: RecordBody[] }>(call(lianyun, 'GET', '/safety/accountability/records?limit=200'))).items;
      expect(ofLianyun.length).toBeGreaterThan(0);
      expect(ofLianyun.every((record) => record.regionCode.startsWith('320703'))).toBe(true);
      const ofHaizhou = (await ok<{ items: RecordBody[] }>(call(haizhou, 'GET', '/safety/accountability/records?limit=200'))).items;
      expect(ofHaizhou.length).toBeGreaterThan(0);
      expect(ofHaizhou.every((record) => record.regionCode.startsWith('320706'))).toBe(true);
      expectProblem(await call(lianyun, 'GET', `/safety/accountability/records/${ofHaizhou[0]!.id}`), 404, 'not_found');
      expectProblem(await call(lianyun, 'PATCH', `/safety/accountability/records/${ofHaizhou[0]!.id}`, { version: ofHaizhou[0]!.version, status: 'executed' }), 404, 'not_found');
      const all = (await ok<{ items: RecordBody[] }>(call(leader, 'GET', '/safety/accountability/records?limit=200'))).items;
      expect(all.length).toBe(ofLianyun.length + ofHaizhou.length);
    });

    it('refuses bad input with 400 and writes nothing', async () => {
      const before = await rows();
      const hazard = (await candidates(leader, '?kind=overdue_major_hazard')).find((c) => c.regionCode.startsWith('320703'))!;
      const body = { triggerKind: 'other', regionCode: '320706', subjectKind: 'unit', subjectName: '海州区应急管理局（演示）', facts: '测试事由', status: 'decided', measure: 'admonishment', decidedBy: '海州区纪委监委', decidedOn: yesterday() };
      const wrongMeasure = expectProblem(await call(haizhou, 'POST', '/safety/accountability/records', body), 400, 'validation_failed');
      expect(wrongMeasure.errors).toContainEqual(expect.objectContaining({ field: 'measure', code: 'not_for_subject' }));
      const future = expectProblem(await call(haizhou, 'POST', '/safety/accountability/records', { ...body, measure: 'circulated_criticism', decidedOn: '2099-01-01' }), 400, 'validation_failed');
      expect(future.errors).toContainEqual(expect.objectContaining({ field: 'decidedOn', code: 'in_future' }));
      const foreign = expectProblem(await call(haizhou, 'POST', '/safety/accountability/records', { ...body, measure: 'circulated_criticism', triggerKind: 'overdue_major_hazard', triggerId: hazard.triggerId, regionCode: undefined }), 400, 'validation_failed');
      expect(foreign.errors).toContainEqual(expect.objectContaining({ field: 'triggerId', code: 'unknown_trigger' }));
      expectProblem(await call(haizhou, 'POST', '/safety/accountability/records', { ...body, measure: 'circulated_criticism', regionCode: '320703' }), 400, 'validation_failed');
      expectProblem(await call(haizhou, 'POST', '/safety/accountability/records', { ...body, measure: 'circulated_criticism', unknown: true }), 400, 'validation_failed');
      expectProblem(await call(lianyun, 'POST', '/safety/accountability/records', { ...body, measure: 'circulated_criticism' }), 400, 'validation_failed');
      expect(await rows()).toEqual(before);
    });

    it('moves a record on over the version read: 428 without it, 409 when stale, 422 backwards', async () => {
      const created = await ok<RecordBody>(call(yingji, 'POST', '/safety/accountability/records', { triggerKind: 'other', regionCode: '320706', subjectKind: 'unit', subjectName: '海州区应急管理局（演示）', facts: '专项整治推进迟缓', status: 'investigating' }), 201);
      expect(created).toMatchObject({ status: 'investigating', measure: null, nextStatuses: ['decided', 'dismissed'] });
      expectProblem(await call(yingji, 'PATCH', `/safety/accountability/records/${created.id}`, { status: 'decided' }), 428, 'version_required');
      const incomplete = expectProblem(await call(yingji, 'PATCH', `/safety/accountability/records/${created.id}`, { version: 1, status: 'decided' }), 400, 'validation_failed');
      expect(incomplete.errors?.map((e) => e.field).sort()).toEqual(['decidedBy', 'decidedOn', 'measure']);
      const decided = await ok<RecordBody>(call(yingji, 'PATCH', `/safety/accountability/records/${created.id}`, { version: 1, status: 'decided', measure: 'circulated_criticism', decidedBy: '市安委会', decidedOn: yesterday() }));
      expect(decided).toMatchObject({ status: 'decided', measure: 'circulated_criticism', version: 2 });
      expectProblem(await call(yingji, 'PATCH', `/safety/accountability/records/${created.id}`, { version: 1, status: 'executed' }), 409, 'version_conflict');
      expectProblem(await call(yingji, 'PATCH', `/safety/accountability/records/${created.id}`, { version: 2, status: 'investigating' }), 422, 'accountability_status_refused');
      const revoke = expectProblem(await call(yingji, 'PATCH', `/safety/accountability/records/${created.id}`, { version: 2, status: 'revoked' }), 400, 'validation_failed');
      expect(revoke.errors).toContainEqual(expect.objectContaining({ field: 'statusNote', code: 'required' }));
      const executed = await ok<RecordBody>(call(yingji, 'PATCH', `/safety/accountability/records/${created.id}`, { version: 2, status: 'executed' }));
      expect(executed).toMatchObject({ status: 'executed', nextStatuses: [], version: 3 });
      const audit = await t.db.kysely.selectFrom('audit_log').select(['action']).where('object_id', '=', created.id).execute();
      expect(audit.map((row) => row.action)).toEqual(['accountability.create', 'accountability.update', 'accountability.update']);
    });

    it('refuses an anonymous caller and a grid worker', async () => {
      expectProblem(await call('', 'GET', '/safety/accountability/records'), 401, 'unauthenticated');
      const grid = await t.login('grid');
      expectProblem(await call(grid, 'GET', '/safety/accountability/records'), 403, 'forbidden');
    });
  });
});
