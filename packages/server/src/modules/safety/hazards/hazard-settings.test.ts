import { addWorkingDays, DEFAULT_HAZARD_SETTINGS, GOVERNANCE_PLAN_PARTS } from '@shoutu/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createEnterpriseOfficer, DAY_MS, hazardCalls } from '../../../test-support/hazard-fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';

const HAIZHOU_COMMUNITY = '320706010001';

const CITY_SETTINGS = {
  regionCode: '320700',
  cityEscalationAfterDays: 2,
  acceptanceWait: { generalWorkingDays: 1, majorWorkingDays: 5 },
  listing: { publishWithinWorkingDays: 3, delistingPublishWithinWorkingDays: 4, extensionRequestLeadWorkingDays: 10, extensionDecisionWithinWorkingDays: 5, source: '连云港市重大事故隐患挂牌督办办法（测试）', verify: false },
};

/** Hazard time limits as settings a city's regulator changes (decision 0013). */
describe.each(ENGINES)('hazard settings on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof hazardCalls>;
  let yingji: string;
  let haizhou: string;
  let officer: string;
  let admin: string;
  let enterpriseId: string;

  const signIn = async () => {
    [yingji, haizhou, officer, admin] = await Promise.all([t.login('yingji'), t.login('haizhou'), t.login(`hs_officer_${engine}`), t.login('admin')]);
  };
  const put = (cookie: string, body: Record<string, unknown>) => api.call(cookie, 'PUT', '/safety/hazard-settings', body);
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json() as { code: string; errors?: Array<{ field: string; code: string }> };
    expect(body.code).toBe(code);
    return body;
  };
  const settingsRows = async () => (await t.db.kysely.selectFrom('hazard_settings').select('region_code').execute()).length;

  beforeAll(async () => {
    t = await createTestApp(engine);
    api = hazardCalls(t);
    enterpriseId = await createEnterprise(t, HAIZHOU_COMMUNITY, 'HT', 1);
    await createEnterpriseOfficer(t, `hs_officer_${engine}`, enterpriseId, HAIZHOU_COMMUNITY);
    await signIn();
  });
  afterAll(() => t.close());

  it('answers the documented defaults before any region sets its own', async () => {
    const response = await api.call(haizhou, 'GET', '/safety/hazard-settings');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ regionCode: null, ...DEFAULT_HAZARD_SETTINGS, updatedAt: null, version: 0 });
  });

  it('refuses a district officer the city, a county as the region, bounds broken, other roles, and a missing or stale version — writing nothing', async () => {
    expect(expectProblem(await put(haizhou, { ...CITY_SETTINGS, version: 0 }), 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'regionCode', code: 'outside_ground' }));
    expect(expectProblem(await put(haizhou, { ...CITY_SETTINGS, regionCode: '320706', version: 0 }), 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'regionCode', code: 'settings_not_city_or_province' }));
    const bounds = expectProblem(await put(yingji, { ...CITY_SETTINGS, cityEscalationAfterDays: 0, acceptanceWait: { generalWorkingDays: 1, majorWorkingDays: 61 }, version: 0 }), 400, 'validation_failed');
    expect(bounds.errors!.map((e) => [e.field, e.code])).toEqual([
      ['cityEscalationAfterDays', 'out_of_range'],
      ['acceptanceWait.majorWorkingDays', 'out_of_range'],
    ]);
    expectProblem(await put(yingji, { ...CITY_SETTINGS, listing: { ...CITY_SETTINGS.listing, unknown: 1 }, version: 0 }), 400, 'validation_failed');
    expectProblem(await put(officer, { ...CITY_SETTINGS, version: 0 }), 403, 'forbidden');
    expectProblem(await put(admin, { ...CITY_SETTINGS, version: 0 }), 403, 'forbidden');
    expectProblem(await put(yingji, CITY_SETTINGS), 428, 'version_required');
    expectProblem(await put(yingji, { ...CITY_SETTINGS, version: 3 }), 409, 'version_conflict');
    expect(await settingsRows()).toBe(0);
  });

  it('lets the city’s regulator set the city’s limits, which then apply to a district’s hazards: acceptance wait, listing and escalation', async () => {
    const saved = await put(yingji, { ...CITY_SETTINGS, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    const { regionCode: _r, ...values } = CITY_SETTINGS;
    expect(saved.json()).toMatchObject({ regionCode: '320700', ...values, version: 1, updatedAt: t.clock.now().toISOString() });
    expect((await api.call(haizhou, 'GET', '/safety/hazard-settings')).json()).toMatchObject({ regionCode: '320700', cityEscalationAfterDays: 2, version: 1 });
    expectProblem(await put(yingji, { ...CITY_SETTINGS, version: 0 }), 409, 'version_conflict');
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'object_id', 'actor_username']).where('action', '=', 'hazard_settings.update').execute();
    expect(audit).toEqual([{ action: 'hazard_settings.update', object_id: '320700', actor_username: 'yingji' }]);

    const submitted = await api.submit(officer, await api.assign(haizhou, await api.report(haizhou, enterpriseId), 10));
    expect(submitted.acceptanceDueAt).toBe(addWorkingDays(t.clock.now(), 1).toISOString());

    const major = await api.report(haizhou, enterpriseId, { grade: 'major', description: '重大危险源未监控' });
    const listing = await api.call(yingji, 'POST', `/hazards/${major.id}/listing`, { version: major.version });
    expect(listing.statusCode, listing.body).toBe(200);
    expect(listing.json().listing).toMatchObject({ publicationDueAt: addWorkingDays(t.clock.now(), 3).toISOString(), limitsSource: CITY_SETTINGS.listing.source, limitsVerify: false });
    const plan = Object.fromEntries(GOVERNANCE_PLAN_PARTS.map((part) => [part, `方案：${part}`]));
    const rectifying = await api.assign(yingji, listing.json(), 40, { governancePlan: plan });
    const deadline = new Date(rectifying.deadline!);
    expect((rectifying as unknown as { listing: { extensionRequestLatestAt: string } }).listing.extensionRequestLatestAt).toBe(addWorkingDays(deadline, -10).toISOString());

    const late = await api.assign(haizhou, await api.report(haizhou, enterpriseId), 1);
    t.clock.advance(2 * DAY_MS);
    await t.app.scheduler.run('hazards.escalate-overdue');
    t.clock.advance(CITY_SETTINGS.cityEscalationAfterDays * DAY_MS);
    await t.app.scheduler.run('hazards.escalate-overdue');
    await signIn();
    expect((await api.get(haizhou, late.id)).escalation!.level).toBe('city');

    const updated = await put(yingji, { ...CITY_SETTINGS, cityEscalationAfterDays: 5, version: 1 });
    expect(updated.json()).toMatchObject({ cityEscalationAfterDays: 5, version: 2 });
  });
});
