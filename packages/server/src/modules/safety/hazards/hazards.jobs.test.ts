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
  let haizhouEnterprise: string;
  let lianyunEnterprise: string;

  const signIn = async () => {
    [haizhou, lianyun] = await Promise.all([t.login('haizhou'), t.login('lianyun')]);
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
});
