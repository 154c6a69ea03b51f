import { addWorkingDays, GOVERNANCE_PLAN_PARTS } from '@shoutu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createEnterpriseOfficer, DAY_MS, hazardCalls } from '../../../test-support/hazard-fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { CITY_ESCALATION_AFTER_DAYS } from './hazards.escalation.js';

const HAIZHOU_COMMUNITY = '320706010001';
const LIANYUN_COMMUNITY = '320703001001';

/** The scheduled jobs of hazard governance, run once after moving a fake clock. */
describe.each(ENGINES)('hazard jobs on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof hazardCalls>;
  let haizhou: string;
  let lianyun: string;
  let officer: string;
  let haizhouEnterprise: string;
  let lianyunEnterprise: string;

  const signIn = async () => {
    [haizhou, lianyun, officer] = await Promise.all([t.login('haizhou'), t.login('lianyun'), t.login(`jb_officer_${engine}`)]);
  };
  const advance = async (ms: number) => {
    t.clock.advance(ms);
    await signIn();
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    api = hazardCalls(t);
    haizhouEnterprise = await createEnterprise(t, HAIZHOU_COMMUNITY, 'JB', 1);
    lianyunEnterprise = await createEnterprise(t, LIANYUN_COMMUNITY, 'JB', 2);
    await createEnterpriseOfficer(t, `jb_officer_${engine}`, haizhouEnterprise, HAIZHOU_COMMUNITY);
    await signIn();
  });
  afterAll(() => t.close());

  it('escalates overdue hazards of every district to the county, then to the city, as the system', async () => {
    const inHaizhou = await api.assign(haizhou, await api.report(haizhou, haizhouEnterprise), 1);
    const inLianyun = await api.assign(lianyun, await api.report(lianyun, lianyunEnterprise), 1);
    const onTime = await api.assign(haizhou, await api.report(haizhou, haizhouEnterprise), 30);

    expect((await t.app.scheduler.run('hazards.escalate-overdue')).result).toBe('success');
    expect((await api.get(haizhou, inHaizhou.id)).escalation).toBeNull();

    await advance(2 * DAY_MS);
    const first = await t.app.scheduler.run('hazards.escalate-overdue');
    expect(first).toMatchObject({ result: 'success', error: null });
    expect(first.summary!.toCounty).toBeGreaterThanOrEqual(2);
    for (const [cookie, hazard, county] of [[haizhou, inHaizhou, '320706'], [lianyun, inLianyun, '320703']] as const) {
      const escalated = await api.get(cookie, hazard.id);
      expect(escalated.escalation).toEqual({ level: 'county', at: t.clock.now().toISOString() });
      expect(escalated.events.at(-1)).toMatchObject({ type: 'escalated', actorKind: 'system', payload: { level: 'county', escalatedTo: county, triggeredBy: 'schedule' } });
    }
    expect((await api.get(haizhou, onTime.id)).escalation).toBeNull();
    expect((await t.app.scheduler.run('hazards.escalate-overdue')).summary).toEqual({ escalated: 0, toCounty: 0, toCity: 0 });

    await advance(CITY_ESCALATION_AFTER_DAYS * DAY_MS);
    expect((await t.app.scheduler.run('hazards.escalate-overdue')).summary!.toCity).toBeGreaterThanOrEqual(2);
    expect((await api.get(lianyun, inLianyun.id)).escalation!.level).toBe('city');
    const audit = await t.db.kysely.selectFrom('audit_log').select(['actor_username', 'actor_id']).where('action', '=', 'hazard.escalate').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(audit.every((row) => row.actor_username === 'scheduler' && row.actor_id === null)).toBe(true);
  });

  it('flags a rectification left awaiting acceptance past 3 working days, lists it under the filter, and clears the flag on acceptance', async () => {
    const submitted = await api.submit(officer, await api.assign(haizhou, await api.report(haizhou, haizhouEnterprise), 10));
    const dueAt = addWorkingDays(t.clock.now(), 3).toISOString();
    expect(submitted).toMatchObject({ status: 'awaiting_acceptance', acceptanceDueAt: dueAt, acceptanceOverdue: false });
    expect(submitted.events.at(-1)).toMatchObject({ type: 'rectification_submitted', payload: { acceptanceDueAt: dueAt } });
    const waiting = await api.submit(officer, await api.assign(haizhou, await api.report(haizhou, haizhouEnterprise), 10));

    await advance(Date.parse(dueAt) - t.clock.now().getTime());
    await t.app.scheduler.run('hazards.flag-acceptance-overdue');
    expect((await api.get(haizhou, submitted.id)).acceptanceOverdue).toBe(false);

    t.clock.advance(1);
    // The next submission starts its own clock.
    const later = await api.submit(officer, await api.assign(haizhou, await api.report(haizhou, haizhouEnterprise), 10));
    const run = await t.app.scheduler.run('hazards.flag-acceptance-overdue');
    expect(run.summary!.flagged).toBeGreaterThanOrEqual(2);
    const flagged = await api.get(haizhou, submitted.id);
    expect(flagged).toMatchObject({ acceptanceOverdue: true, version: submitted.version + 1 });
    expect(flagged.events.at(-1)).toMatchObject({ type: 'acceptance_overdue', actorKind: 'system', payload: { dueAt, submittedAt: submitted.rectification!.submittedAt } });
    expect((await api.get(haizhou, later.id)).acceptanceOverdue).toBe(false);

    const listed = (await api.call(haizhou, 'GET', '/hazards?acceptanceOverdue=true&limit=200')).json() as { items: Array<{ id: string; status: string; acceptanceOverdue: boolean }> };
    expect(listed.items.map((h) => h.id)).toEqual(expect.arrayContaining([submitted.id, waiting.id]));
    expect(listed.items.map((h) => h.id)).not.toContain(later.id);
    expect(listed.items.every((h) => h.status === 'awaiting_acceptance' && h.acceptanceOverdue)).toBe(true);

    expect((await t.app.scheduler.run('hazards.flag-acceptance-overdue')).summary).toEqual({ flagged: 0 });
    const accepted = await api.step(haizhou, flagged, { action: 'accept', note: '逾期验收' });
    expect(accepted).toMatchObject({ status: 'closed', acceptanceOverdue: false, acceptanceDueAt: null });
    expect(accepted.events.at(-1)!.payload).toMatchObject({ acceptance: { dueAt, overdue: true } });
    const audit = await t.db.kysely.selectFrom('audit_log').select(['actor_username']).where('action', '=', 'hazard.flag_acceptance_overdue').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit.every((row) => row.actor_username === 'scheduler')).toBe(true);
  });

  it('gives a major hazard’s acceptance 10 working days and restarts the clock after a send-back', async () => {
    const plan = Object.fromEntries(GOVERNANCE_PLAN_PARTS.map((part) => [part, `方案：${part}`]));
    const major = await api.report(haizhou, haizhouEnterprise, { grade: 'major', description: '储罐区未设紧急切断' });
    const submitted = await api.submit(officer, await api.assign(haizhou, major, 30, { governancePlan: plan }));
    expect(submitted.acceptanceDueAt).toBe(addWorkingDays(t.clock.now(), 10).toISOString());
    const sentBack = await api.step(haizhou, submitted, { action: 'send_back', reason: '评估报告未附' });
    expect(sentBack).toMatchObject({ status: 'rectifying', acceptanceDueAt: null, acceptanceOverdue: false });
    t.clock.advance(DAY_MS);
    await signIn();
    const again = await api.submit(officer, sentBack);
    expect(again.acceptanceDueAt).toBe(addWorkingDays(t.clock.now(), 10).toISOString());
  });
});
