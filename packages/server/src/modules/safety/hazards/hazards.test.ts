import { GOVERNANCE_PLAN_PARTS, HAZARD_ERROR_MESSAGES, isOverdue, listingPublicationDueAt, QINGDAO_LISTING_TIME_LIMITS, type HazardState } from '@shoutu/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { createEnterprise, createEnterpriseOfficer } from '../../../test-support/enterprise-fixtures.js';
import { photoUpload, tinyPng } from '../../../test-support/photos.js';
import { CITY_ESCALATION_AFTER_DAYS } from './hazards.escalation.js';

const HAIZHOU_COMMUNITY = '320706010001';
const HAIZHOU_OTHER_TOWN_COMMUNITY = '320706001001';
const LIANYUN_COMMUNITY = '320703001001';
const DAY = 86_400_000;

const PLAN = Object.fromEntries(GOVERNANCE_PLAN_PARTS.map((part) => [part, `测试方案：${part}`]));

interface HazardBody {
  id: string;
  status: string;
  grade: string;
  source: string;
  version: number;
  regionCode: string;
  enterpriseId: string;
  deadline: string | null;
  originalDeadline: string | null;
  responsiblePerson: string | null;
  overdue: boolean;
  closedAt: string | null;
  governancePlan: Record<string, string> | null;
  listing: { unitId: string; listedAt: string; publicationDueAt: string; delistingPublicationDueAt: string | null } | null;
  escalation: { level: string; at: string } | null;
  events: Array<{ version: number; type: string; fromStatus: string | null; toStatus: string; actorName: string | null; actorKind: string; at: string; payload: Record<string, unknown> }>;
  allowedActions: string[];
  canList: boolean;
}

/** The closed loop of hidden-hazard governance through the API (DESIGN.md "Hidden-hazard governance"). */
describe.each(ENGINES)('hazard governance on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let yingji: string;
  let leader: string;
  let officer: string;
  let enterpriseId: string;
  let otherTownEnterpriseId: string;
  let lianyunEnterpriseId: string;
  let serial = 0;

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

  const report = async (cookie: string, body: Record<string, unknown> = {}): Promise<HazardBody> => {
    const response = await call(cookie, 'POST', '/hazards', { enterpriseId, grade: 'general', description: '配电室门口堆放杂物', place: '一号车间', ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const step = async (cookie: string, hazard: { id: string }, body: Record<string, unknown>, status = 200): Promise<HazardBody> => {
    const response = await call(cookie, 'POST', `/hazards/${hazard.id}/transitions`, body);
    expect(response.statusCode, response.body).toBe(status);
    return response.json();
  };
  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * DAY).toISOString();
  const assign = (cookie: string, hazard: HazardBody, extra: Record<string, unknown> = {}) =>
    step(cookie, hazard, { action: 'assign', version: hazard.version, responsibleUnit: '设备部', responsiblePerson: '张三丰', deadline: inDays(7), ...extra });
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body.code).toBe(code);
    return body as { code: string; message: { 'zh-CN': string; en: string }; errors?: Array<{ field: string; code: string }> };
  };
  const eventCount = async (hazardId: string) => (await t.db.kysely.selectFrom('hazard_events').select('id').where('hazard_id', '=', hazardId).execute()).length;
  const listIds = async (cookie: string, query = '', limit = 200) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await call(cookie, 'GET', `/hazards?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { items: Array<{ id: string; regionCode: string }>; nextCursor: string | null };
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  const signIn = async () => {
    [haizhou, lianyun, yingji, leader, officer] = (await Promise.all(['haizhou', 'lianyun', 'yingji', 'leader', `hd_officer_${engine}`].map((u) => t.login(u)))) as [string, string, string, string, string];
  };
  /** Moves the clock; sessions time out meanwhile, so everyone signs in again. */
  const advance = async (ms: number) => {
    t.clock.advance(ms);
    await signIn();
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    enterpriseId = await createEnterprise(t, HAIZHOU_COMMUNITY, 'HD', ++serial);
    otherTownEnterpriseId = await createEnterprise(t, HAIZHOU_OTHER_TOWN_COMMUNITY, 'HD', ++serial);
    lianyunEnterpriseId = await createEnterprise(t, LIANYUN_COMMUNITY, 'HD', ++serial);
    await createEnterpriseOfficer(t, `hd_officer_${engine}`, enterpriseId, HAIZHOU_COMMUNITY);
    await signIn();
  });
  afterAll(() => t.close());

  it('seeds labelled demo hazards at every step: overdue and escalated ones, major ones with their plan, one listed', async () => {
    const page = (await call(yingji, 'GET', '/hazards?limit=200')).json() as { items: Array<HazardBody & { description: string }> };
    const demo = page.items.filter((h) => h.description.includes('演示'));
    expect(demo.length).toBe(page.items.length);
    expect(new Set(demo.map((h) => h.status))).toEqual(new Set(['found', 'rectifying', 'awaiting_acceptance', 'closed']));
    expect(demo.filter((h) => h.overdue).length).toBeGreaterThan(1);
    expect(demo.some((h) => h.escalation?.level === 'city')).toBe(true);
    expect(demo.some((h) => h.grade === 'major' && h.governancePlan !== null && h.listing !== null)).toBe(true);
    expect(demo.some((h) => h.grade === 'major' && h.status === 'found')).toBe(true);
    const listed = demo.find((h) => h.listing !== null)!;
    const detail = (await call(yingji, 'GET', `/hazards/${listed.id}`)).json() as HazardBody;
    expect(detail.events.map((e) => e.version)).toEqual(detail.events.map((_, i) => i + 1));
    expect(detail.version).toBe(detail.events.length);
  });

  describe('the closed loop', () => {
    it('goes found → rectifying → awaiting acceptance → sent back → rectifying → awaiting acceptance → closed, one event per step', async () => {
      const found = await report(haizhou);
      expect(found).toMatchObject({ status: 'found', grade: 'general', source: 'regulator_inspection', version: 1, regionCode: HAIZHOU_COMMUNITY });
      expect(found.allowedActions).toEqual(['assign']);
      const assigned = await assign(haizhou, found);
      expect(assigned).toMatchObject({ status: 'rectifying', version: 2, responsiblePerson: '张**' });
      expect(assigned.deadline).toBe(assigned.originalDeadline);
      expect(JSON.stringify(assigned)).not.toContain('张三丰');
      // The enterprise uploads a photo, then reports its rectification with the evidence and the photo.
      const upload = photoUpload(tinyPng('after-1'));
      const uploaded = await t.app.inject({ method: 'POST', url: `/api/v1/hazards/${assigned.id}/photos`, headers: { cookie: officer, 'content-type': upload.contentType }, payload: upload.payload });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const photoId = (uploaded.json() as { id: string }).id;
      const submitted = await step(officer, assigned, { action: 'submit_rectification', version: 2, evidence: '杂物已清理，设置禁止堆放标识', photos: [photoId] });
      expect(submitted).toMatchObject({ status: 'awaiting_acceptance', version: 3 });
      expect(submitted.allowedActions).toEqual([]);
      const sentBack = await step(haizhou, submitted, { action: 'send_back', version: 3, reason: '标识未张贴' });
      expect(sentBack).toMatchObject({ status: 'rectifying', version: 4 });
      const again = await step(officer, sentBack, { action: 'submit_rectification', version: 4, evidence: '已张贴禁止堆放标识' });
      const closed = await step(haizhou, again, { action: 'accept', version: 5, note: '现场复核合格' });
      expect(closed).toMatchObject({ status: 'closed', version: 6, closedAt: t.clock.now().toISOString() });
      expect(closed.allowedActions).toEqual([]);

      expect(closed.events.map((e) => [e.version, e.type, e.fromStatus, e.toStatus])).toEqual([
        [1, 'found', null, 'found'],
        [2, 'assigned', 'found', 'rectifying'],
        [3, 'rectification_submitted', 'rectifying', 'awaiting_acceptance'],
        [4, 'sent_back', 'awaiting_acceptance', 'rectifying'],
        [5, 'rectification_submitted', 'rectifying', 'awaiting_acceptance'],
        [6, 'accepted', 'awaiting_acceptance', 'closed'],
      ]);
      expect(closed.events.map((e) => e.actorName)).toEqual(['演示·海州区干部', '演示·海州区干部', '测试·企业安全员', '演示·海州区干部', '测试·企业安全员', '演示·海州区干部']);
      expect(closed.events[1]!.payload).toMatchObject({ responsibleUnit: '设备部', responsiblePerson: '张**' });
      expect(closed.events[3]!.payload).toMatchObject({ reason: '标识未张贴' });
      expect(closed.events[2]!.payload).toMatchObject({ photos: [photoId] });

      const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'actor_username']).where('object_type', '=', 'hazard').where('object_id', '=', found.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['hazard.create', 'hazard.assign', 'hazard.photo_upload', 'hazard.submit_rectification', 'hazard.send_back', 'hazard.submit_rectification', 'hazard.accept']);
    });

    it('lets the enterprise accept a general hazard of its own self-inspection, never one a regulator found', async () => {
      const own = await report(officer, { description: '安全出口指示灯损坏' });
      expect(own.source).toBe('self_inspection');
      const rectifying = await assign(officer, own);
      const submitted = await step(officer, rectifying, { action: 'submit_rectification', version: rectifying.version, evidence: '已更换' });
      expect(submitted.allowedActions).toEqual(['accept', 'send_back']);
      expect((await step(officer, submitted, { action: 'accept', version: submitted.version })).status).toBe('closed');

      const regulators = await report(haizhou);
      const r1 = await assign(haizhou, regulators);
      const r2 = await step(officer, r1, { action: 'submit_rectification', version: r1.version, evidence: '已整改' });
      const refused = expectProblem(await call(officer, 'POST', `/hazards/${r2.id}/transitions`, { action: 'accept', version: r2.version }), 422, 'not_allowed_to_accept');
      expect(refused.message).toEqual(HAZARD_ERROR_MESSAGES.not_allowed_to_accept);
    });

    it('keeps the original deadline through an approved extension and refuses the enterprise deciding one', async () => {
      const rectifying = await assign(haizhou, await report(haizhou));
      const requested = await step(officer, rectifying, { action: 'request_extension', version: rectifying.version, newDeadline: inDays(20), reason: '备件到货延迟' });
      expect(requested.allowedActions).toEqual(['submit_rectification']);
      expectProblem(await call(officer, 'POST', `/hazards/${requested.id}/transitions`, { action: 'approve_extension', version: requested.version }), 422, 'not_allowed_to_decide_extension');
      const approved = await step(haizhou, requested, { action: 'approve_extension', version: requested.version, note: '同意延期' });
      expect(approved.deadline).toBe(new Date(inDays(20)).toISOString());
      expect(approved.originalDeadline).toBe(rectifying.originalDeadline);
      expect(approved.events.at(-1)).toMatchObject({ type: 'extension_approved', payload: { previousDeadline: rectifying.deadline, deadline: approved.deadline } });
    });
  });

  describe('refusals', () => {
    it('refuses a major hazard to rectifying without the six parts of its governance plan (422 with the missing parts), then takes it with them', async () => {
      const major = await report(haizhou, { grade: 'major', description: '液氯储罐区未设置紧急切断装置' });
      const refused = expectProblem(await call(haizhou, 'POST', `/hazards/${major.id}/transitions`, { action: 'assign', version: 1, responsibleUnit: '储运部', responsiblePerson: '李四', deadline: inDays(30) }), 422, 'governance_plan_incomplete');
      expect(refused.message).toEqual(HAZARD_ERROR_MESSAGES.governance_plan_incomplete);
      expect(refused.errors!.map((e) => e.field)).toEqual(GOVERNANCE_PLAN_PARTS.map((part) => `governancePlan.${part}`));
      const { safety_measures_and_emergency_plan: _left, ...fiveParts } = PLAN;
      const oneMissing = expectProblem(await call(haizhou, 'POST', `/hazards/${major.id}/transitions`, { action: 'assign', version: 1, responsibleUnit: '储运部', responsiblePerson: '李四', deadline: inDays(30), governancePlan: fiveParts }), 422, 'governance_plan_incomplete');
      expect(oneMissing.errors!.map((e) => e.field)).toEqual(['governancePlan.safety_measures_and_emergency_plan']);
      const unchanged = (await call(haizhou, 'GET', `/hazards/${major.id}`)).json() as HazardBody;
      expect(unchanged).toMatchObject({ status: 'found', version: 1 });
      expect(await eventCount(major.id)).toBe(1);

      const rectifying = await assign(haizhou, major, { governancePlan: PLAN });
      expect(rectifying.governancePlan).toEqual(PLAN);
      const submitted = await step(officer, rectifying, { action: 'submit_rectification', version: rectifying.version, evidence: '已加装紧急切断阀' });
      expectProblem(await call(haizhou, 'POST', `/hazards/${major.id}/transitions`, { action: 'accept', version: submitted.version }), 422, 'formal_acceptance_required');
      expectProblem(await call(haizhou, 'POST', `/hazards/${major.id}/transitions`, { action: 'accept', version: submitted.version, formal: true }), 422, 'assessment_report_required');
      const closed = await step(haizhou, submitted, { action: 'accept', version: submitted.version, formal: true, assessmentReportRef: '评估报告〔2026〕1号' });
      expect(closed.status).toBe('closed');
    });

    it('answers a stale version with 409 version_conflict, a missing one with 428, and writes nothing', async () => {
      const found = await report(haizhou);
      await assign(haizhou, found);
      expectProblem(await call(haizhou, 'POST', `/hazards/${found.id}/transitions`, { action: 'submit_rectification', version: 1, evidence: '迟到的提交' }), 409, 'version_conflict');
      expectProblem(await call(haizhou, 'POST', `/hazards/${found.id}/transitions`, { action: 'submit_rectification', evidence: '没有版本' }), 428, 'version_required');
      const current = (await call(haizhou, 'GET', `/hazards/${found.id}`)).json() as HazardBody;
      expect(current).toMatchObject({ status: 'rectifying', version: 2 });
      expect(await eventCount(found.id)).toBe(2);
    });

    it('lets exactly one of two concurrent steps over the same version through; the other gets 409', async () => {
      const rectifying = await assign(haizhou, await report(haizhou));
      const body = { action: 'submit_rectification', version: rectifying.version, evidence: '同时提交' };
      const responses = await Promise.all([call(officer, 'POST', `/hazards/${rectifying.id}/transitions`, body), call(haizhou, 'POST', `/hazards/${rectifying.id}/transitions`, body)]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(await eventCount(rectifying.id)).toBe(3);
    });

    it('refuses a step the state machine does not allow with 422 and the domain’s code and text', async () => {
      const found = await report(haizhou);
      const refused = expectProblem(await call(haizhou, 'POST', `/hazards/${found.id}/transitions`, { action: 'accept', version: 1 }), 422, 'illegal_transition');
      expect(refused.message).toEqual(HAZARD_ERROR_MESSAGES.illegal_transition);
      expectProblem(await call(haizhou, 'POST', `/hazards/${found.id}/transitions`, { action: 'assign', version: 1, responsibleUnit: '设备部', responsiblePerson: '张三', deadline: inDays(-1) }), 422, 'deadline_in_past');
      expectProblem(await call(haizhou, 'POST', `/hazards/${found.id}/transitions`, { action: 'assign', version: 1, responsibleUnit: '设备部', deadline: inDays(3) }), 422, 'responsible_required');
      const stray = expectProblem(await call(haizhou, 'POST', `/hazards/${found.id}/transitions`, { action: 'assign', version: 1, responsibleUnit: '设备部', responsiblePerson: '张三', deadline: inDays(3), reason: '不属于交办' }), 400, 'validation_failed');
      expect(stray.errors).toContainEqual(expect.objectContaining({ field: 'reason', code: 'unknown_field' }));
      expect(await eventCount(found.id)).toBe(1);
    });

    it('refuses a report for an enterprise outside the ground as a field error, and a city leader writing at all', async () => {
      const outside = expectProblem(await call(haizhou, 'POST', '/hazards', { enterpriseId: lianyunEnterpriseId, grade: 'general', description: '越界' }), 400, 'validation_failed');
      expect(outside.errors).toContainEqual(expect.objectContaining({ field: 'enterpriseId', code: 'invalid' }));
      expectProblem(await call(leader, 'POST', '/hazards', { enterpriseId, grade: 'general', description: '无权' }), 403, 'forbidden');
    });
  });

  describe('supervision listing (挂牌督办)', () => {
    it('is made by a department for a major hazard, with the publication due date of the time limits; delisting is due on acceptance', async () => {
      const major = await report(haizhou, { grade: 'major', description: '重大危险源罐区未实现紧急切断' });
      expect(major.canList).toBe(false);
      expectProblem(await call(haizhou, 'POST', `/hazards/${major.id}/listing`, { version: 1 }), 403, 'listing_requires_department');
      const viewed = (await call(yingji, 'GET', `/hazards/${major.id}`)).json() as HazardBody;
      expect(viewed.canList).toBe(true);
      const response = await call(yingji, 'POST', `/hazards/${major.id}/listing`, { version: 1, note: '市安委会挂牌' });
      expect(response.statusCode, response.body).toBe(200);
      const listed = response.json() as HazardBody;
      expect(listed.listing).toMatchObject({ listedAt: t.clock.now().toISOString(), publicationDueAt: listingPublicationDueAt(t.clock.now(), QINGDAO_LISTING_TIME_LIMITS).toISOString(), delistingPublicationDueAt: null });
      expect(listed.events.at(-1)).toMatchObject({ type: 'listed', version: 2, payload: { note: '市安委会挂牌' } });
      expectProblem(await call(yingji, 'POST', `/hazards/${major.id}/listing`, { version: 2 }), 409, 'hazard_already_listed');

      const rectifying = await assign(yingji, listed, { governancePlan: PLAN });
      const submitted = await step(officer, rectifying, { action: 'submit_rectification', version: rectifying.version, evidence: '已整改' });
      const closed = await step(yingji, submitted, { action: 'accept', version: submitted.version, formal: true, assessmentReportRef: '评估报告〔2026〕2号' });
      expect(closed.listing!.delistingPublicationDueAt).toBe(new Date(t.clock.now().getTime() + 7 * DAY).toISOString()); // Monday + 5 working days

      const general = await report(haizhou);
      expectProblem(await call(yingji, 'POST', `/hazards/${general.id}/listing`, { version: 1 }), 422, 'hazard_not_major');
    });
  });

  describe('ground', () => {
    it('gives a district officer of another district 404 on the hazard and its steps, and none of it in lists and overviews', async () => {
      const hazard = await report(haizhou);
      expectProblem(await call(lianyun, 'GET', `/hazards/${hazard.id}`), 404, 'not_found');
      expectProblem(await call(lianyun, 'POST', `/hazards/${hazard.id}/transitions`, { action: 'assign', version: 1, responsibleUnit: '外区', responsiblePerson: '王五', deadline: inDays(3) }), 404, 'not_found');
      expectProblem(await call(lianyun, 'POST', `/hazards/${hazard.id}/listing`, { version: 1 }), 404, 'not_found');
      expect(await eventCount(hazard.id)).toBe(1);

      const lianyunIds = await listIds(lianyun);
      expect(lianyunIds).not.toContain(hazard.id);
      const regions = await t.db.kysely.selectFrom('hazards').select('region_code').where('id', 'in', lianyunIds.length ? lianyunIds : ['none']).execute();
      expect(regions.every((r) => r.region_code.startsWith('320703'))).toBe(true);
      expect(await listIds(lianyun, `&enterpriseId=${enterpriseId}`)).toEqual([]);

      const overview = (await call(lianyun, 'GET', '/safety/hazard-overview')).json() as { regionCode: string; children: Array<{ regionCode: string }> };
      expect(overview.regionCode).toBe('320703');
      expect(overview.children.every((c) => c.regionCode.startsWith('320703'))).toBe(true);
      const peek = (await call(lianyun, 'GET', '/safety/hazard-overview?regionCode=320706')).json();
      expect(peek).toEqual({ regionCode: '320706', total: { open: 0, overdue: 0, major: 0 }, children: [] });
      const city = (await call(lianyun, 'GET', '/safety/hazard-overview?regionCode=320700')).json() as { children: Array<{ regionCode: string }> };
      expect(city.children.map((c) => c.regionCode)).toEqual(['320703']);
    });

    it('shows an enterprise officer only their own enterprise', async () => {
      const elsewhere = await report(haizhou, { enterpriseId: otherTownEnterpriseId });
      expectProblem(await call(officer, 'GET', `/hazards/${elsewhere.id}`), 404, 'not_found');
      const ids = await listIds(officer);
      expect(ids).not.toContain(elsewhere.id);
      const rows = await t.db.kysely.selectFrom('hazards').select('enterprise_id').where('id', 'in', ids).execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.enterprise_id === enterpriseId)).toBe(true);
    });
  });

  describe('lists and the overview', () => {
    it('filters by status, grade, enterprise and region and pages with a cursor, every hazard once', async () => {
      const general = await report(haizhou, { enterpriseId: otherTownEnterpriseId });
      const major = await report(haizhou, { enterpriseId: otherTownEnterpriseId, grade: 'major' });
      const cases: Array<[string, boolean, boolean]> = [
        [`&enterpriseId=${otherTownEnterpriseId}`, true, true],
        [`&enterpriseId=${otherTownEnterpriseId}&grade=major`, false, true],
        [`&enterpriseId=${otherTownEnterpriseId}&status=rectifying`, false, false],
        [`&regionCode=${HAIZHOU_OTHER_TOWN_COMMUNITY.slice(0, 9)}`, true, true],
        [`&regionCode=${HAIZHOU_COMMUNITY.slice(0, 9)}`, false, false],
      ];
      for (const [query, hasGeneral, hasMajor] of cases) {
        const ids = await listIds(haizhou, query);
        expect(ids.includes(general.id), query).toBe(hasGeneral);
        expect(ids.includes(major.id), query).toBe(hasMajor);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (await call(haizhou, 'GET', `/hazards?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      const all = await t.db.kysely.selectFrom('hazards').select('id').where('region_code', '>=', '320706').where('region_code', '<', '320706~').execute();
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(all.map((r) => r.id).sort());
    });

    it('leaves out a hazard whose enterprise has moved out of the ground, and pages on past it', async () => {
      const moving = await createEnterprise(t, HAIZHOU_OTHER_TOWN_COMMUNITY, 'HD', ++serial);
      await advance(60_000);
      const hazard = await report(haizhou, { enterpriseId: moving });
      await t.db.kysely.updateTable('enterprises').set({ region_code: LIANYUN_COMMUNITY }).where('id', '=', moving).execute();
      try {
        // The newest hazard, so the first page of one row holds only it: empty, with a cursor on.
        const first = (await call(haizhou, 'GET', '/hazards?limit=1')).json() as { items: Array<{ id: string }>; nextCursor: string | null };
        expect(first.items).toEqual([]);
        expect(first.nextCursor).not.toBeNull();
        const all = await listIds(haizhou);
        expect(all).not.toContain(hazard.id);
        expect(await listIds(haizhou, '', 1)).toEqual(all);
        const inGround = await t.db.kysely.selectFrom('hazards').innerJoin('enterprises', 'enterprises.id', 'hazards.enterprise_id').select('hazards.id').where('hazards.region_code', '>=', '320706').where('hazards.region_code', '<', '320706~').where('enterprises.region_code', '>=', '320706').where('enterprises.region_code', '<', '320706~').execute();
        expect([...all].sort()).toEqual(inGround.map((r) => r.id).sort());
      } finally {
        await t.db.kysely.updateTable('enterprises').set({ region_code: HAIZHOU_OTHER_TOWN_COMMUNITY }).where('id', '=', moving).execute();
      }
    });

    it('counts open, overdue and major per child region as the rows say, and lists overdue ones as the domain judges them', async () => {
      const late = await assign(haizhou, await report(haizhou, { enterpriseId: otherTownEnterpriseId }), { deadline: inDays(1) });
      await advance(2 * DAY);
      const now = t.clock.now();
      const rows = await t.db.kysely.selectFrom('hazards').selectAll().where('region_code', '>=', '320706').where('region_code', '<', '320706~').execute();
      const state = (r: (typeof rows)[number]) => ({ status: r.status, deadline: r.deadline }) as HazardState;
      const expected = new Map<string, { open: number; overdue: number; major: number }>();
      for (const row of rows) {
        if (row.status === 'closed') continue;
        const town = row.region_code.slice(0, 9);
        const counts = expected.get(town) ?? { open: 0, overdue: 0, major: 0 };
        counts.open += 1;
        if (isOverdue(state(row), now)) counts.overdue += 1;
        if (row.grade === 'major') counts.major += 1;
        expected.set(town, counts);
      }
      const overview = (await call(haizhou, 'GET', '/safety/hazard-overview')).json() as { regionCode: string; total: { open: number; overdue: number; major: number }; children: Array<{ regionCode: string; name: string; open: number; overdue: number; major: number }> };
      expect(overview.regionCode).toBe('320706');
      for (const child of overview.children) {
        expect({ open: child.open, overdue: child.overdue, major: child.major }, child.regionCode).toEqual(expected.get(child.regionCode) ?? { open: 0, overdue: 0, major: 0 });
      }
      const sum = [...expected.values()].reduce((a, c) => ({ open: a.open + c.open, overdue: a.overdue + c.overdue, major: a.major + c.major }), { open: 0, overdue: 0, major: 0 });
      expect(overview.total).toEqual(sum);
      expect(overview.total.overdue).toBeGreaterThan(0);

      const overdueIds = await listIds(haizhou, '&overdue=true');
      expect(overdueIds).toContain(late.id);
      // Longest overdue first, page after page.
      const byDeadline = rows.filter((r) => isOverdue(state(r), now)).sort((a, b) => (a.deadline! === b.deadline! ? (a.id < b.id ? -1 : 1) : a.deadline! < b.deadline! ? -1 : 1));
      expect(byDeadline.length).toBeGreaterThan(2);
      expect(overdueIds).toEqual(byDeadline.map((r) => r.id));
      expect(await listIds(haizhou, '&overdue=true', 2)).toEqual(overdueIds);
      expect(((await call(haizhou, 'GET', `/hazards/${late.id}`)).json() as HazardBody).overdue).toBe(true);
    });
  });

  describe('overdue escalation', () => {
    it('escalates an overdue hazard to the county, then to the city after the waiting days, with an event each time', async () => {
      const late = await assign(haizhou, await report(haizhou), { deadline: inDays(1) });
      const onTime = await assign(haizhou, await report(haizhou), { deadline: inDays(30) });
      await advance(2 * DAY);
      const { last: auditBefore } = await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('last')).executeTakeFirstOrThrow();
      const first = await call(haizhou, 'POST', '/safety/hazards/escalate');
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().toCounty).toBeGreaterThan(0);
      const county = (await call(haizhou, 'GET', `/hazards/${late.id}`)).json() as HazardBody;
      expect(county.escalation).toEqual({ level: 'county', at: t.clock.now().toISOString() });
      expect(county.events.at(-1)).toMatchObject({ type: 'escalated', actorKind: 'system', version: late.version + 1, payload: { level: 'county', escalatedTo: '320706' } });
      expect(((await call(haizhou, 'GET', `/hazards/${onTime.id}`)).json() as HazardBody).escalation).toBeNull();

      expect((await call(haizhou, 'POST', '/safety/hazards/escalate')).json()).toEqual({ escalated: 0, toCounty: 0, toCity: 0 });
      await advance(CITY_ESCALATION_AFTER_DAYS * DAY);
      const third = (await call(haizhou, 'POST', '/safety/hazards/escalate')).json() as { toCounty: number; toCity: number };
      expect(third.toCity).toBeGreaterThan(0);
      const city = (await call(haizhou, 'GET', `/hazards/${late.id}`)).json() as HazardBody;
      expect(city.escalation!.level).toBe('city');
      expect(city.events.at(-1)).toMatchObject({ type: 'escalated', payload: { level: 'city', escalatedTo: '320700' } });
      // One audit row per batch written (a run writes one batch per level it escalates from), and together they hold every step.
      const audited = await t.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'hazard.escalate').where('seq', '>', Number(auditBefore ?? 0)).execute();
      const steps = audited.map((row) => JSON.parse(row.detail!) as { toCounty: number; toCity: number });
      expect(steps.every((step) => step.toCounty + step.toCity > 0)).toBe(true);
      expect(steps.reduce((sum, step) => ({ toCounty: sum.toCounty + step.toCounty, toCity: sum.toCity + step.toCity }), { toCounty: 0, toCity: 0 })).toEqual({ toCounty: first.json().toCounty + third.toCounty, toCity: third.toCity });
    });

    it('escalates only within the caller’s ground', async () => {
      const lianyunLate = await call(lianyun, 'POST', '/hazards', { enterpriseId: lianyunEnterpriseId, grade: 'general', description: '连云区逾期隐患' });
      const hazard = lianyunLate.json() as HazardBody;
      await step(lianyun, hazard, { action: 'assign', version: 1, responsibleUnit: '设备部', responsiblePerson: '赵六', deadline: inDays(1) });
      await advance(2 * DAY);
      await call(haizhou, 'POST', '/safety/hazards/escalate');
      expect(((await call(lianyun, 'GET', `/hazards/${hazard.id}`)).json() as HazardBody).escalation).toBeNull();
      await call(lianyun, 'POST', '/safety/hazards/escalate');
      expect(((await call(lianyun, 'GET', `/hazards/${hazard.id}`)).json() as HazardBody).escalation!.level).toBe('county');
    });
  });
});
