import { randomUUID } from 'node:crypto';
import { CHEMICAL_MAJOR_HAZARD_CRITERIA_2017, creditCodeCheckChar, GENERAL_CHECKLIST } from '@shoutu/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnterprisesRepository } from '../enterprises/enterprises.repository.js';
import { createEnterpriseOfficer } from '../../../test-support/enterprise-fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { allPages } from '../../../test-support/paging.js';

const HAIZHOU_COMMUNITY = '320706010001';
const LIANYUN_COMMUNITY = '320703001001';

type Result = 'pass' | 'fail' | 'na';
interface InspectionBody {
  id: string;
  kind: string;
  itemCount: number;
  failedCount: number;
  items: Array<{ number: number; text: string; result: Result; note: string | null; hazardId: string | null }>;
}

/** Inspections against checklist templates, and failed items becoming hazards (DESIGN.md "Inspections"). */
describe.each(ENGINES)('inspections on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let officer: string;
  let enterpriseId: string;
  let neighbourId: string;
  let serial = 0;

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** Fixtures go straight through the register's repository: these tests are about inspections, not registration. */
  async function createEnterprise(regionCode: string): Promise<string> {
    const first17 = `91${regionCode.slice(0, 6)}JC${String(++serial).padStart(6, '0')}P`;
    const at = t.clock.now().toISOString();
    const id = randomUUID();
    await new EnterprisesRepository(t.db.kysely).insertNew([
      { id, credit_code: first17 + creditCodeCheckChar(first17), name: `检查测试企业${serial}有限公司`, industry_code: 'C26', industry_name: '化学原料和化学制品制造业', region_code: regionCode, park: null, scale: 'medium', hazardous_chemicals: 1, major_hazard_source: 1, principal_name: null, principal_phone: null, safety_officer_name: null, safety_officer_phone: null, last_inspected_at: null, created_at: at, updated_at: at, version: 1 },
    ]);
    return id;
  }

  async function enterpriseOfficer(username: string, enterprise: string): Promise<string> {
    await createEnterpriseOfficer(t, username, enterprise, HAIZHOU_COMMUNITY);
    return t.login(username);
  }

  const results = (items: readonly { number: number }[], failed: Record<number, string> = {}) =>
    items.map((item) => ({ number: item.number, result: (item.number in failed ? 'fail' : 'pass') as Result, ...(item.number in failed ? { note: failed[item.number] } : {}) }));
  const inspection = (overrides: Record<string, unknown> = {}) => ({
    enterpriseId,
    templateCode: 'chemical_major_hazards_2017',
    kind: 'regulator',
    inspectedAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
    items: results(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017),
    ...overrides,
  });
  const record = async (cookie: string, overrides: Record<string, unknown> = {}): Promise<InspectionBody> => {
    const response = await call(cookie, 'POST', '/inspections', inspection(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body.code).toBe(code);
    return body as { errors?: Array<{ field: string; code: string }> };
  };
  const lastInspected = async (id: string) => (await t.db.kysely.selectFrom('enterprises').select('last_inspected_at').where('id', '=', id).executeTakeFirstOrThrow()).last_inspected_at;
  const countInspections = async () => (await t.db.kysely.selectFrom('inspections').select('id').execute()).length;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun] = (await Promise.all(['haizhou', 'lianyun'].map((u) => t.login(u)))) as [string, string];
    enterpriseId = await createEnterprise(HAIZHOU_COMMUNITY);
    neighbourId = await createEnterprise(HAIZHOU_COMMUNITY);
    officer = await enterpriseOfficer(`jc_officer_${engine}`, enterpriseId);
  });
  afterAll(() => t.close());

  it('serves the two templates from the domain, with the [verify] marks and the grade a failed item gives', async () => {
    const response = await call(officer, 'GET', '/safety/checklist-templates');
    expect(response.statusCode).toBe(200);
    const [chemical, general] = response.json().items as Array<{ code: string; failedItemGrade: string; items: Array<{ number: number; verify: boolean; text: { 'zh-CN': string } }> }>;
    expect(chemical).toMatchObject({ code: 'chemical_major_hazards_2017', failedItemGrade: 'major' });
    expect(chemical!.items).toHaveLength(20);
    expect(chemical!.items.filter((i) => i.verify).map((i) => i.number)).toEqual([16, 17, 18, 19, 20]);
    expect(chemical!.items[1]!.text['zh-CN']).toBe(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017[1]!['zh-CN']);
    expect(general).toMatchObject({ code: 'general', failedItemGrade: 'general' });
    expect(general!.items).toHaveLength(GENERAL_CHECKLIST.length);
  });

  it('turns a failed item of the 20-item template into a major hazard in one step, once', async () => {
    const recorded = await record(haizhou, { items: results(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017, { 5: '二级重大危险源罐区未设紧急切断' }) });
    expect(recorded).toMatchObject({ kind: 'regulator', itemCount: 20, failedCount: 1 });
    expect(recorded.items[4]).toMatchObject({ number: 5, result: 'fail', note: '二级重大危险源罐区未设紧急切断', hazardId: null, text: CHEMICAL_MAJOR_HAZARD_CRITERIA_2017[4]!['zh-CN'] });

    const response = await call(haizhou, 'POST', `/inspections/${recorded.id}/items/5/hazard`, {});
    expect(response.statusCode, response.body).toBe(201);
    const hazard = response.json();
    expect(hazard).toMatchObject({ grade: 'major', source: 'regulator_inspection', status: 'found', enterpriseId, inspectionId: recorded.id, inspectionItemNumber: 5, regionCode: HAIZHOU_COMMUNITY });
    expect(hazard.description).toContain('第5项');
    expect(hazard.description).toContain('二级重大危险源罐区未设紧急切断');
    const after = (await call(haizhou, 'GET', `/inspections/${recorded.id}`)).json() as InspectionBody;
    expect(after.items[4]!.hazardId).toBe(hazard.id);

    expectProblem(await call(haizhou, 'POST', `/inspections/${recorded.id}/items/5/hazard`, {}), 409, 'inspection_item_has_hazard');
    expectProblem(await call(haizhou, 'POST', `/inspections/${recorded.id}/items/1/hazard`, {}), 422, 'inspection_item_not_failed');
    expectProblem(await call(haizhou, 'POST', `/inspections/${recorded.id}/items/99/hazard`, {}), 404, 'not_found');
  });

  it('with createHazards, makes every failed item of the general checklist a general hazard as it records the inspection', async () => {
    const recorded = await record(haizhou, { templateCode: 'general', items: results(GENERAL_CHECKLIST, { 7: '灭火器过期', 12: '' }), createHazards: true });
    const linked = recorded.items.filter((i) => i.hazardId !== null);
    expect(linked.map((i) => i.number)).toEqual([7, 12]);
    for (const item of linked) {
      const hazard = (await call(haizhou, 'GET', `/hazards/${item.hazardId}`)).json();
      expect(hazard).toMatchObject({ grade: 'general', source: 'regulator_inspection', inspectionItemNumber: item.number });
    }
  });

  it('moves the enterprise’s last inspection forward on a regulator inspection only', async () => {
    const at = new Date(t.clock.now().getTime() - 60_000).toISOString();
    await record(haizhou, { enterpriseId: neighbourId, inspectedAt: at });
    expect(await lastInspected(neighbourId)).toBe(at);
    await record(haizhou, { enterpriseId: neighbourId, kind: 'self', inspectedAt: new Date(t.clock.now().getTime() - 1000).toISOString() });
    expect(await lastInspected(neighbourId)).toBe(at);
    await record(haizhou, { enterpriseId: neighbourId, inspectedAt: new Date(t.clock.now().getTime() - 86_400_000).toISOString() });
    expect(await lastInspected(neighbourId)).toBe(at);
  });

  it('lets an enterprise officer record a self-inspection of their own enterprise only, never a regulator one', async () => {
    const own = await record(officer, { kind: 'self', templateCode: 'general', items: results(GENERAL_CHECKLIST, { 3: '新员工未培训' }), createHazards: true });
    const hazardId = own.items.find((i) => i.number === 3)!.hazardId!;
    expect((await call(officer, 'GET', `/hazards/${hazardId}`)).json()).toMatchObject({ source: 'self_inspection', grade: 'general' });
    expectProblem(await call(officer, 'POST', '/inspections', inspection({ kind: 'regulator' })), 403, 'forbidden');
    const other = expectProblem(await call(officer, 'POST', '/inspections', inspection({ kind: 'self', enterpriseId: neighbourId })), 400, 'validation_failed');
    expect(other.errors).toContainEqual(expect.objectContaining({ field: 'enterpriseId', code: 'invalid' }));
  });

  it('refuses an incomplete or wrong checklist and a future time, writing nothing', async () => {
    const before = await countInspections();
    const incomplete = expectProblem(await call(haizhou, 'POST', '/inspections', inspection({ items: results(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017.slice(0, 19)) })), 400, 'validation_failed');
    expect(incomplete.errors).toContainEqual(expect.objectContaining({ field: 'items', code: 'checklist_incomplete' }));
    const unknown = expectProblem(await call(haizhou, 'POST', '/inspections', inspection({ items: [...results(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017), { number: 21, result: 'pass' }] })), 400, 'validation_failed');
    expect(unknown.errors).toContainEqual(expect.objectContaining({ field: 'items.20.number', code: 'unknown_checklist_item' }));
    const twice = expectProblem(await call(haizhou, 'POST', '/inspections', inspection({ items: [...results(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017), { number: 1, result: 'fail' }] })), 400, 'validation_failed');
    expect(twice.errors).toContainEqual(expect.objectContaining({ field: 'items.20.number', code: 'duplicate_item' }));
    const future = expectProblem(await call(haizhou, 'POST', '/inspections', inspection({ inspectedAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString() })), 400, 'validation_failed');
    expect(future.errors).toContainEqual(expect.objectContaining({ field: 'inspectedAt', code: 'in_future' }));
    expectProblem(await call(haizhou, 'POST', '/inspections', inspection({ inspectedAt: '2026-01-05 10:00' })), 400, 'validation_failed');
    expect(await countInspections()).toBe(before);
  });

  it('pages newest first by time and id: pages of one or two give the single page of 200, for every kind and for one', async () => {
    const sameTime = new Date(t.clock.now().getTime() - 7_200_000).toISOString();
    for (let i = 0; i < 3; i += 1) await record(haizhou, { inspectedAt: sameTime });
    await record(officer, { kind: 'self', templateCode: 'general', items: results(GENERAL_CHECKLIST), inspectedAt: sameTime });
    const all = (query: string, limit: number) => allPages<{ id: string; kind: string; inspectedAt: string }>((path) => call(haizhou, 'GET', path), `/inspections${query}`, limit);
    for (const query of ['', '?kind=regulator', '?kind=self']) {
      const one = await all(query, 200);
      expect(one.length, query).toBeGreaterThan(0);
      expect(await all(query, 1), query).toEqual(one);
      expect(await all(query, 2), query).toEqual(one);
      const order = one.map((i) => [new Date(i.inspectedAt).toISOString(), i.id].join(' '));
      expect(order, query).toEqual([...order].sort().reverse());
    }
    expect((await all('', 200)).filter((i) => new Date(i.inspectedAt).toISOString() === sameTime)).toHaveLength(4);
  });

  it('leaves out an inspection whose enterprise has moved out of the ground, and pages on past it', async () => {
    const moving = await createEnterprise(HAIZHOU_COMMUNITY);
    const recorded = await record(haizhou, { enterpriseId: moving, inspectedAt: t.clock.now().toISOString() });
    await t.db.kysely.updateTable('enterprises').set({ region_code: LIANYUN_COMMUNITY }).where('id', '=', moving).execute();
    try {
      // The newest inspection, so the first page of one row holds only it: empty, with a cursor on.
      const first = (await call(haizhou, 'GET', '/inspections?limit=1')).json() as { items: Array<{ id: string }>; nextCursor: string | null };
      expect(first.items).toEqual([]);
      expect(first.nextCursor).not.toBeNull();
      const next = (await call(haizhou, 'GET', `/inspections?limit=200&cursor=${encodeURIComponent(first.nextCursor!)}`)).json() as { items: Array<{ id: string }> };
      expect(next.items.length).toBeGreaterThan(0);
      expect(next.items.map((i) => i.id)).not.toContain(recorded.id);
      expectProblem(await call(haizhou, 'GET', `/inspections/${recorded.id}`), 404, 'not_found');
    } finally {
      await t.db.kysely.updateTable('enterprises').set({ region_code: HAIZHOU_COMMUNITY }).where('id', '=', moving).execute();
    }
  });

  it('gives a district officer of another district 404 on the inspection and its items, and none in the list', async () => {
    const recorded = await record(haizhou, { items: results(CHEMICAL_MAJOR_HAZARD_CRITERIA_2017, { 12: '未设可燃气体报警' }) });
    expectProblem(await call(lianyun, 'GET', `/inspections/${recorded.id}`), 404, 'not_found');
    expectProblem(await call(lianyun, 'POST', `/inspections/${recorded.id}/items/12/hazard`, {}), 404, 'not_found');
    const lianyunEnterprise = await createEnterprise(LIANYUN_COMMUNITY);
    const outside = expectProblem(await call(haizhou, 'POST', '/inspections', inspection({ enterpriseId: lianyunEnterprise })), 400, 'validation_failed');
    expect(outside.errors).toContainEqual(expect.objectContaining({ field: 'enterpriseId', code: 'invalid' }));
    const list = (await call(lianyun, 'GET', '/inspections?limit=200')).json() as { items: Array<{ regionCode: string }> };
    expect(list.items.every((i) => i.regionCode.startsWith('320703'))).toBe(true);
    const mine = (await call(haizhou, 'GET', `/inspections?limit=200&enterpriseId=${enterpriseId}`)).json() as { items: Array<{ id: string }> };
    expect(mine.items.map((i) => i.id)).toContain(recorded.id);
  });
});
