import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/schema.js';
import { createEnterprise, createEnterpriseOfficer, DAY_MS, hazardCalls, type HazardJson } from '../../../test-support/hazard-fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';

const HAIZHOU_COMMUNITY = '320706010001';
const HAIZHOU_OTHER_TOWN_COMMUNITY = '320706001001';

interface Section {
  count: number;
  items: Array<HazardJson & { escalation: { level: string } | null; foundAt: string }>;
}
interface Inbox {
  actorKind: string;
  toRectify: Section;
  toDecide: Section;
  toAccept: Section & { acceptanceOverdue: number };
  overdue: Section & { escalated: number };
}

/** 我的待办 (GET /hazards/inbox): what waits on whom, over each one's ground. */
describe.each(ENGINES)('hazard inbox on %s', (engine) => {
  let t: TestApp;
  let api: ReturnType<typeof hazardCalls>;
  let haizhou: string;
  let lianyun: string;
  let yingji: string;
  let grid: string;
  let officer: string;
  let ownEnterprise: string;
  let otherEnterprise: string;

  const signIn = async () => {
    [haizhou, lianyun, yingji, grid, officer] = (await Promise.all(['haizhou', 'lianyun', 'yingji', 'grid', `nb_officer_${engine}`].map((u) => t.login(u)))) as [string, string, string, string, string];
  };
  const inbox = async (cookie: string, limit = 100): Promise<Inbox> => {
    const response = await api.call(cookie, 'GET', `/hazards/inbox?limit=${limit}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const ids = (section: Section) => section.items.map((h) => h.id);
  /** Open hazards past their deadline in a region subtree, as the rows say. */
  const overdueInDb = async (prefix: string) =>
    (
      await t.db.kysely
        .selectFrom('hazards')
        .select('id')
        .where('region_code', '>=', prefix)
        .where('region_code', '<', `${prefix}~`)
        .where('status', '!=', 'closed')
        .where('deadline', '<', t.clock.now().toISOString())
        .execute()
    ).map((r) => r.id);

  beforeAll(async () => {
    t = await createTestApp(engine);
    api = hazardCalls(t);
    ownEnterprise = await createEnterprise(t, HAIZHOU_COMMUNITY, 'NB', 1);
    otherEnterprise = await createEnterprise(t, HAIZHOU_OTHER_TOWN_COMMUNITY, 'NB', 2);
    await createEnterpriseOfficer(t, `nb_officer_${engine}`, ownEnterprise, HAIZHOU_COMMUNITY);
    await signIn();
  });
  afterAll(() => t.close());

  it('follows a hazard through the enterprise officer’s and the regulator’s sections as the loop moves', async () => {
    const empty = await inbox(officer);
    expect(empty).toMatchObject({ actorKind: 'enterprise_safety_officer', toRectify: { count: 0 }, toDecide: { count: 0 }, toAccept: { count: 0 }, overdue: { count: 0 } });

    const found = await api.report(haizhou, ownEnterprise);
    expect(ids((await inbox(haizhou)).toDecide)).toContain(found.id);
    expect((await inbox(officer)).toRectify.count).toBe(0);

    const rectifying = await api.assign(haizhou, found);
    expect(ids((await inbox(haizhou)).toDecide)).not.toContain(found.id);
    const own = await api.report(officer, ownEnterprise, { description: '应急照明损坏' });
    expect(ids((await inbox(officer)).toRectify).sort()).toEqual([found.id, own.id].sort());

    const submitted = await api.submit(officer, rectifying);
    const ownSubmitted = await api.submit(officer, await api.assign(officer, own));
    let mine = await inbox(officer);
    expect(mine.toRectify.count).toBe(0);
    // The enterprise accepts only the general hazard of its own self-inspection; the regulator accepts both.
    expect(ids(mine.toAccept)).toEqual([ownSubmitted.id]);
    const regulator = await inbox(haizhou);
    expect(regulator.actorKind).toBe('regulator');
    expect(ids(regulator.toAccept)).toEqual(expect.arrayContaining([submitted.id, ownSubmitted.id]));
    expect(regulator.toRectify.count).toBe(0);

    await api.step(haizhou, submitted, { action: 'send_back', reason: '照片不清晰' });
    mine = await inbox(officer);
    expect(ids(mine.toRectify)).toEqual([found.id]);
    expect(mine.toRectify.items[0]!.status).toBe('rectifying');

    const elsewhere = await api.assign(haizhou, await api.report(haizhou, otherEnterprise));
    expect(JSON.stringify(await inbox(officer))).not.toContain(elsewhere.id);
    expect(JSON.stringify(await inbox(lianyun))).not.toContain(elsewhere.id);
  });

  it('puts an extension request before the regulator and counts every section in full beyond the page', async () => {
    const rectifying = await api.assign(haizhou, await api.report(haizhou, ownEnterprise), 7);
    const requested = await api.step(officer, rectifying, { action: 'request_extension', newDeadline: api.inDays(20), reason: '备件未到' });
    expect(ids((await inbox(haizhou)).toDecide)).toContain(requested.id);
    const all = await inbox(haizhou);
    const one = await inbox(haizhou, 1);
    expect(one.toDecide.items).toHaveLength(1);
    expect(one.toDecide.count).toBe(all.toDecide.count);
    expect(all.toDecide.count).toBeGreaterThan(1);
    expect((await api.call(haizhou, 'GET', '/hazards/inbox?limit=101')).statusCode).toBe(400);
  });

  it('lists every overdue hazard of the ground, escalated ones first, and counts flagged acceptances', async () => {
    const late = await api.assign(haizhou, await api.report(haizhou, ownEnterprise), 1);
    const waiting = await api.submit(haizhou, await api.assign(haizhou, await api.report(haizhou, otherEnterprise), 20));
    t.clock.advance(10 * DAY_MS);
    await t.app.scheduler.run('hazards.escalate-overdue');
    await t.app.scheduler.run('hazards.flag-acceptance-overdue');
    await signIn();

    const district = await inbox(haizhou);
    expect(ids(district.overdue).sort()).toEqual((await overdueInDb('320706')).sort());
    expect(ids(district.overdue)).toContain(late.id);
    expect(district.overdue.items.find((h) => h.id === late.id)!.escalation!.level).toBe('county');
    expect(district.overdue.escalated).toBe(district.overdue.items.filter((h) => h.escalation !== null).length);
    const rank = (h: Section['items'][number]) => (h.escalation?.level === 'city' ? 0 : h.escalation?.level === 'county' ? 1 : 2);
    expect(district.overdue.items.map(rank)).toEqual([...district.overdue.items.map(rank)].sort());
    expect(district.toAccept.items.find((h) => h.id === waiting.id)).toMatchObject({ acceptanceOverdue: true });
    expect(district.toAccept.acceptanceOverdue).toBe(district.toAccept.items.filter((h) => h.acceptanceOverdue).length);

    const city = await inbox(yingji);
    expect(ids(city.overdue).sort()).toEqual((await overdueInDb('3207')).sort());
    const other = await inbox(lianyun);
    expect(ids(other.overdue).sort()).toEqual((await overdueInDb('320703')).sort());
    expect(ids(other.overdue)).not.toContain(late.id);
    expect((await inbox(officer)).overdue.items.map((h) => h.enterpriseId)).toEqual(expect.arrayContaining([ownEnterprise]));
    expect((await inbox(officer)).overdue.items.every((h) => h.enterpriseId === ownEnterprise)).toBe(true);
  });

  it('shows in each section a prefix of its whole order, and counts what the hazards hold', async () => {
    // Overdue at every level (to the city, to the county, not yet escalated), so the walks cross levels.
    const early = await api.assign(haizhou, await api.report(haizhou, ownEnterprise), 1);
    const late = await api.assign(haizhou, await api.report(haizhou, otherEnterprise), 50);
    await api.step(officer, await api.assign(haizhou, await api.report(haizhou, ownEnterprise), 30), { action: 'request_extension', newDeadline: api.inDays(40), reason: '设备待更换' });
    t.clock.advance(5 * DAY_MS);
    await t.app.scheduler.run('hazards.escalate-overdue');
    t.clock.advance(40 * DAY_MS);
    await t.app.scheduler.run('hazards.escalate-overdue');
    t.clock.advance(6 * DAY_MS);
    await signIn();
    const full = await inbox(yingji);
    const levels = full.overdue.items.map((h) => h.escalation?.level ?? 'none');
    expect(new Set(levels)).toEqual(new Set(['city', 'county', 'none']));
    expect(levels.at(-1)).toBe('none');
    expect(ids(full.overdue)).toEqual(expect.arrayContaining([early.id, late.id]));
    for (const limit of [1, 2, 3, 5]) {
      const page = await inbox(yingji, limit);
      for (const name of ['toDecide', 'toAccept', 'overdue'] as const) expect(ids(page[name]), `${name} limit ${limit}`).toEqual(ids(full[name]).slice(0, limit));
    }
    // Found ones wait since they were found, extension requests by their deadline: one merged order.
    const waitKey = (h: Section['items'][number]) => (h.status === 'found' ? h.foundAt : h.deadline!);
    const keys = full.toDecide.items.map(waitKey);
    expect(keys).toEqual([...keys].sort());
    expect(full.toDecide.items.map((h) => h.status)).toEqual(expect.arrayContaining(['found', 'rectifying']));
    const now = t.clock.now().toISOString();
    const inCity = async (condition: (eb: ExpressionBuilder<Database, 'hazards'>) => Expression<SqlBool>) =>
      Number((await t.db.kysely.selectFrom('hazards').select((eb) => eb.fn.countAll<number>().as('n')).where('region_code', '>=', '3207').where('region_code', '<', '3207~').where(condition).executeTakeFirstOrThrow()).n);
    const overdue = (eb: ExpressionBuilder<Database, 'hazards'>) => eb.and([eb('status', '<>', 'closed'), eb('deadline', '<', now)]);
    expect(full.overdue.count).toBe(await inCity(overdue));
    expect(full.overdue.escalated).toBe(await inCity((eb) => eb.and([overdue(eb), eb('escalation_level', 'is not', null)])));
    expect(full.overdue.escalated).toBeGreaterThan(0);
    expect(full.toDecide.count).toBe(await inCity((eb) => eb.or([eb('status', '=', 'found'), eb.and([eb('status', '=', 'rectifying'), eb('pending_extension', 'is not', null)])])));
    expect(full.toAccept.count).toBe(await inCity((eb) => eb('status', '=', 'awaiting_acceptance')));
    expect(full.toAccept.acceptanceOverdue).toBe(await inCity((eb) => eb.and([eb('status', '=', 'awaiting_acceptance'), eb('acceptance_overdue_at', 'is not', null)])));
  });

  it('gives a grid worker only the overdue hazards of the grid: nothing to accept, decide or rectify', async () => {
    const gridInbox = await inbox(grid);
    expect(gridInbox).toMatchObject({ actorKind: 'other', toRectify: { count: 0, items: [] }, toDecide: { count: 0, items: [] }, toAccept: { count: 0, items: [] } });
    const rows = await t.db.kysely.selectFrom('hazards').select('region_code').where('id', 'in', ids(gridInbox.overdue).length ? ids(gridInbox.overdue) : ['none']).execute();
    const gridGround = (await t.db.kysely.selectFrom('users').select('ground_region_codes').where('username', '=', 'grid').executeTakeFirstOrThrow()).ground_region_codes;
    const codes = JSON.parse(gridGround) as string[];
    expect(rows.every((row) => codes.some((code) => row.region_code.startsWith(code)))).toBe(true);
    expect((await api.call('', 'GET', '/hazards/inbox')).statusCode).toBe(401);
  });
});
