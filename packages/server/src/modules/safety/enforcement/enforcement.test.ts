import { randomUUID } from 'node:crypto';
import { GENERAL_CHECKLIST } from '@shoutu/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createEnterpriseOfficer } from '../../../test-support/enterprise-fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { allPages } from '../../../test-support/paging.js';

const HAIZHOU_COMMUNITY = '320706010001';
const LIANYUN_COMMUNITY = '320703001001';

interface CaseBody {
  id: string;
  enterpriseId: string;
  regionCode: string;
  status: string;
  fineTotalYuan: number;
  measures: Array<Record<string, unknown>>;
  version: number;
}

/** Enforcement records (执法) through the API: written by regulators, read by the enterprise concerned. */
describe.each(ENGINES)('enforcement on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let officer: string;
  let enterpriseId: string;
  let neighbourId: string;
  let serial = 0;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json() as { code: string; errors?: Array<{ field: string; code: string }> };
    expect(body.code).toBe(code);
    return body;
  };
  const countCases = async () => Number((await t.db.kysely.selectFrom('enforcement_cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const auditCount = async (action: string) => (await t.db.kysely.selectFrom('audit_log').select('seq').where('action', '=', action).execute()).length;

  async function enterpriseOfficer(username: string, enterprise: string): Promise<string> {
    await createEnterpriseOfficer(t, username, enterprise, HAIZHOU_COMMUNITY);
    return t.login(username);
  }

  const decided = (overrides: Record<string, unknown> = {}) => ({
    enterpriseId,
    caseNumber: '（海）应急罚〔2026〕1号',
    status: 'decided',
    violations: [{ description: '未按规定开展隐患排查治理', legalBasis: '《安全生产法》第四十一条' }],
    measures: [
      { kind: 'order_rectify', deadline: '2026-02-15' },
      { kind: 'fine', amountYuan: 30000 },
      { kind: 'suspension', startsOn: '2026-01-10', endsOn: '2026-01-20', description: '停产整顿' },
    ],
    decidedBy: '海州区应急管理局',
    decidedOn: '2026-01-05',
    ...overrides,
  });
  const open = async (cookie: string, body: Record<string, unknown>) => {
    const response = await call(cookie, 'POST', '/enforcement-cases', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as CaseBody;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun] = (await Promise.all(['haizhou', 'lianyun'].map((u) => t.login(u)))) as [string, string];
    enterpriseId = await createEnterprise(t, HAIZHOU_COMMUNITY, 'YF', ++serial);
    neighbourId = await createEnterprise(t, HAIZHOU_COMMUNITY, 'YF', ++serial);
    officer = await enterpriseOfficer(`zf_officer_${engine}`, enterpriseId);
  });
  afterAll(() => t.close());

  it('records a decided case with its violations and measures, sums the fines and writes one audit row', async () => {
    const audits = await auditCount('enforcement.create');
    const created = await open(haizhou, decided());
    expect(created).toMatchObject({ enterpriseId, regionCode: HAIZHOU_COMMUNITY, status: 'decided', fineTotalYuan: 30000, version: 1 });
    expect(created.measures[0]).toEqual({ kind: 'order_rectify', description: null, deadline: '2026-02-15', amountYuan: null, startsOn: null, endsOn: null });
    expect(await auditCount('enforcement.create')).toBe(audits + 1);
    const fetched = (await call(haizhou, 'GET', `/enforcement-cases/${created.id}`)).json();
    expect(fetched).toEqual(created);
  });

  it('links the inspection and hazards of the same enterprise, and refuses another enterprise’s', async () => {
    const inspection = await call(haizhou, 'POST', '/inspections', {
      enterpriseId, templateCode: 'general', kind: 'regulator', inspectedAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
      items: GENERAL_CHECKLIST.map((item) => ({ number: item.number, result: item.number === 7 ? 'fail' : 'pass' })), createHazards: true,
    });
    expect(inspection.statusCode, inspection.body).toBe(201);
    const { id: inspectionId, items } = inspection.json() as { id: string; items: Array<{ hazardId: string | null }> };
    const hazardId = items.find((i) => i.hazardId !== null)!.hazardId!;
    const linked = await open(haizhou, { enterpriseId, inspectionId, hazardIds: [hazardId] });
    expect(linked).toMatchObject({ status: 'investigating', inspectionId, hazardIds: [hazardId], fineTotalYuan: 0 });
    const before = await countCases();
    const refused = expectProblem(await call(haizhou, 'POST', '/enforcement-cases', { enterpriseId: neighbourId, inspectionId, hazardIds: [hazardId, randomUUID()] }), 400, 'validation_failed');
    expect(refused.errors!.map((e) => `${e.field}:${e.code}`)).toEqual(['inspectionId:not_of_enterprise', 'hazardIds.0:not_of_enterprise', 'hazardIds.1:invalid']);
    expect(await countCases()).toBe(before);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const before = [await countCases(), await auditCount('enforcement.create')];
    const problem = expectProblem(
      await call(haizhou, 'POST', '/enforcement-cases', decided({ measures: [{ kind: 'fine', deadline: '2026-02-01' }, { kind: 'suspension', startsOn: '2026-02-10', endsOn: '2026-02-01' }, { kind: 'order_rectify', deadline: '2026-02-30' }], decidedBy: null })),
      400,
      'validation_failed',
    );
    expect(problem.errors!.map((e) => `${e.field}:${e.code}`)).toEqual(['measures.0.amountYuan:required', 'measures.0.deadline:not_for_measure', 'measures.1.endsOn:ends_before_start', 'measures.2.deadline:invalid_date', 'decidedBy:required']);
    expectProblem(await call(haizhou, 'POST', '/enforcement-cases', decided({ measures: [{ kind: 'fine', amountYuan: 12.5 }] })), 400, 'validation_failed');
    expectProblem(await call(haizhou, 'POST', '/enforcement-cases', decided({ status: 'revoked' })), 400, 'validation_failed');
    expectProblem(await call(haizhou, 'POST', '/enforcement-cases', { ...decided(), extra: true }), 400, 'validation_failed');
    expect([await countCases(), await auditCount('enforcement.create')]).toEqual(before);
  });

  it('moves a case forward over the version read: 428 without it, 409 when stale, never back', async () => {
    const created = await open(haizhou, { enterpriseId });
    expectProblem(await call(haizhou, 'PATCH', `/enforcement-cases/${created.id}`, { status: 'decided' }), 428, 'version_required');
    const incomplete = expectProblem(await call(haizhou, 'PATCH', `/enforcement-cases/${created.id}`, { version: 1, status: 'decided' }), 400, 'validation_failed');
    expect(incomplete.errors!.map((e) => e.field)).toEqual(['violations', 'measures', 'decidedBy', 'decidedOn']);
    const { enterpriseId: _e, ...decision } = decided();
    const updated = await call(haizhou, 'PATCH', `/enforcement-cases/${created.id}`, { version: 1, ...decision });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ status: 'decided', version: 2, fineTotalYuan: 30000 });
    expectProblem(await call(haizhou, 'PATCH', `/enforcement-cases/${created.id}`, { version: 1, status: 'executed' }), 409, 'version_conflict');
    const back = expectProblem(await call(haizhou, 'PATCH', `/enforcement-cases/${created.id}`, { version: 2, status: 'investigating' }), 400, 'validation_failed');
    expect(back.errors).toEqual([expect.objectContaining({ field: 'status', code: 'status_backwards' })]);
    expect((await call(haizhou, 'GET', `/enforcement-cases/${created.id}`)).json()).toMatchObject({ status: 'decided', version: 2 });
  });

  it('lets the enterprise’s officer read its own cases only, and write none', async () => {
    const own = await open(haizhou, decided());
    const neighbours = await open(haizhou, decided({ enterpriseId: neighbourId }));
    const listed = (await call(officer, 'GET', '/enforcement-cases?limit=200')).json() as { items: CaseBody[] };
    expect(listed.items.length).toBeGreaterThan(0);
    expect(listed.items.every((c) => c.enterpriseId === enterpriseId)).toBe(true);
    expect((await call(officer, 'GET', `/enforcement-cases/${own.id}`)).statusCode).toBe(200);
    expectProblem(await call(officer, 'GET', `/enforcement-cases/${neighbours.id}`), 404, 'not_found');
    expectProblem(await call(officer, 'POST', '/enforcement-cases', decided()), 403, 'forbidden');
    expectProblem(await call(officer, 'PATCH', `/enforcement-cases/${own.id}`, { version: own.version, status: 'closed' }), 403, 'forbidden');
  });

  it('pages newest first by time and id: pages of one or two give the single page of 200, filtered or not', async () => {
    // The test clock stands still, so these are created at the same instant: the id orders them.
    for (let i = 0; i < 3; i += 1) await open(haizhou, decided({ caseNumber: `（海）应急罚〔2026〕${10 + i}号` }));
    await open(haizhou, { enterpriseId: neighbourId });
    const all = (query: string, limit: number) => allPages<{ id: string; status: string; createdAt: string }>((path) => call(haizhou, 'GET', path), `/enforcement-cases${query}`, limit);
    for (const query of ['', '?status=decided', `?enterpriseId=${neighbourId}`]) {
      const one = await all(query, 200);
      expect(one.length, query).toBeGreaterThan(0);
      expect(await all(query, 1), query).toEqual(one);
      expect(await all(query, 2), query).toEqual(one);
      const order = one.map((c) => `${c.createdAt} ${c.id}`);
      expect(order, query).toEqual([...order].sort().reverse());
    }
    expect(new Set((await all('', 200)).map((c) => c.createdAt)).size).toBeLessThan((await all('', 200)).length);
  });

  it('keeps a district’s cases from another district: 404, never listed, no writes across', async () => {
    const own = await open(haizhou, decided());
    expectProblem(await call(lianyun, 'GET', `/enforcement-cases/${own.id}`), 404, 'not_found');
    expectProblem(await call(lianyun, 'PATCH', `/enforcement-cases/${own.id}`, { version: own.version, status: 'closed' }), 404, 'not_found');
    const list = (await call(lianyun, 'GET', '/enforcement-cases?limit=200')).json() as { items: CaseBody[] };
    expect(list.items.every((c) => c.regionCode.startsWith('320703'))).toBe(true);
    const lianyunEnterprise = await createEnterprise(t, LIANYUN_COMMUNITY, 'YF', ++serial);
    const outside = expectProblem(await call(haizhou, 'POST', '/enforcement-cases', decided({ enterpriseId: lianyunEnterprise })), 400, 'validation_failed');
    expect(outside.errors).toEqual([expect.objectContaining({ field: 'enterpriseId', code: 'invalid' })]);
    const byEnterprise = (await call(haizhou, 'GET', `/enforcement-cases?enterpriseId=${enterpriseId}&measure=suspension&status=decided`)).json() as { items: CaseBody[] };
    expect(byEnterprise.items.length).toBeGreaterThan(0);
    expect(byEnterprise.items.every((c) => c.enterpriseId === enterpriseId && c.status === 'decided' && c.measures.some((m) => m.kind === 'suspension'))).toBe(true);
  });
});
