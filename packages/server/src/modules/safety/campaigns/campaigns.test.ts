import { randomUUID } from 'node:crypto';
import { CHEMICAL_MAJOR_HAZARD_CRITERIA_2017, creditCodeCheckChar, GENERAL_CHECKLIST, isInCampaignScope } from '@shoutu/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitiesIn } from '../../../test-support/fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { EnterprisesRepository } from '../enterprises/enterprises.repository.js';

const HAIZHOU_COMMUNITY = '320706010001';
const HAIZHOU_OTHER_TOWN_COMMUNITY = '320706001001';
const LIANYUN_COMMUNITY = '320703001001';
const HOUR = 3_600_000;

interface Figures {
  inScope: number;
  inspected: number;
  selfInspected: number;
  hazardsFound: number;
  hazardsClosed: number;
  hazardsOverdue: number;
  inspectedPct: number | null;
  closedPct: number | null;
  inspectedMet: boolean | null;
  closedMet: boolean | null;
}
interface Progress {
  regionCode: string;
  total: Figures;
  rows: Array<{ regionCode: string; name: string } & Figures>;
}

/** Special rectification campaigns (专项整治): scope, inspections and hazards in them, progress by region. */
describe.each(ENGINES)('campaigns on %s', (engine) => {
  let t: TestApp;
  let yingji: string;
  let haizhou: string;
  let lianyun: string;
  let serial = 0;
  const ids: Record<string, string> = {};
  let campaign: { id: string; version: number };

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json() as { code: string; errors?: Array<{ field: string; code: string }> };
    expect(body.code).toBe(code);
    return body;
  };
  const count = async (table: 'campaigns' | 'inspections' | 'hazards') => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  /** Fixtures go straight into the register: these tests are about campaigns, not registration. */
  async function enterprise(key: string, regionCode: string, industryCode: string): Promise<void> {
    const first17 = `91${regionCode.slice(0, 6)}QX${String(++serial).padStart(6, '0')}Q`;
    const at = t.clock.now().toISOString();
    ids[key] = randomUUID();
    await new EnterprisesRepository(t.db.kysely).insertNew([
      { id: ids[key], credit_code: first17 + creditCodeCheckChar(first17), name: `整治测试企业${key}`, industry_code: industryCode, industry_name: industryCode, region_code: regionCode, park: null, scale: 'small', hazardous_chemicals: 0, major_hazard_source: 0, principal_name: null, principal_phone: null, safety_officer_name: null, safety_officer_phone: null, last_inspected_at: null, created_at: at, updated_at: at, version: 1 },
    ]);
  }

  const campaignBody = (overrides: Record<string, unknown> = {}) => ({
    title: '化学纤维行业专项整治（测试）',
    templateCode: 'general',
    scope: { industries: ['C28'], regions: [], enterpriseIds: [ids.L2] },
    startsOn: '2026-01-01',
    endsOn: '2026-03-31',
    targets: { inspectedPct: 50, closedPct: 50 },
    ...overrides,
  });
  const results = (failed: number[] = []) => GENERAL_CHECKLIST.map((item) => ({ number: item.number, result: failed.includes(item.number) ? 'fail' : 'pass' }));
  const inspect = async (cookie: string, enterpriseKey: string, extra: Record<string, unknown> = {}) => {
    const response = await call(cookie, 'POST', '/inspections', { enterpriseId: ids[enterpriseKey], templateCode: 'general', kind: 'regulator', inspectedAt: new Date(t.clock.now().getTime() - HOUR).toISOString(), items: results(), campaignId: campaign.id, ...extra });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; campaignId: string | null; items: Array<{ number: number; hazardId: string | null }> };
  };
  const progress = async (cookie: string, query = '') => {
    const response = await call(cookie, 'GET', `/campaigns/${campaign.id}/progress${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Progress;
  };
  const figures = (f: Figures) => [f.inScope, f.inspected, f.selfInspected, f.hazardsFound, f.hazardsClosed, f.hazardsOverdue];

  beforeAll(async () => {
    t = await createTestApp(engine);
    [yingji, haizhou, lianyun] = (await Promise.all(['yingji', 'haizhou', 'lianyun'].map((u) => t.login(u)))) as [string, string, string];
    const [donghai] = await communitiesIn(t.db.kysely, '320722', 1);
    // C28 (化学纤维制造业) is in no demo enterprise, so the figures below are this suite's alone.
    await enterprise('A1', HAIZHOU_COMMUNITY, 'C28');
    await enterprise('A2', HAIZHOU_OTHER_TOWN_COMMUNITY, 'C28');
    await enterprise('A3', HAIZHOU_COMMUNITY, 'H61');
    await enterprise('L1', LIANYUN_COMMUNITY, 'C28');
    await enterprise('L2', LIANYUN_COMMUNITY, 'F52');
    await enterprise('D1', donghai!, 'C28');
    const created = await call(yingji, 'POST', '/campaigns', campaignBody());
    expect(created.statusCode, created.body).toBe(201);
    campaign = created.json();
  });
  afterAll(() => t.close());

  describe('a city campaign', () => {
    it('is organised at the city and read by the districts, which may not change it', async () => {
      expect(campaign).toMatchObject({ organizerRegionCode: '320700', phase: 'active', version: 1, editable: true, targets: { inspectedPct: 50, closedPct: 50 } });
      const seen = (await call(haizhou, 'GET', `/campaigns/${campaign.id}`)).json();
      expect(seen).toMatchObject({ id: campaign.id, editable: false, scope: { industries: ['C28'], enterprises: [{ id: ids.L2, name: null }] } });
      const listed = (await call(haizhou, 'GET', '/campaigns?phase=active')).json() as { items: Array<{ id: string }> };
      expect(listed.items.map((c) => c.id)).toContain(campaign.id);
      expectProblem(await call(haizhou, 'PATCH', `/campaigns/${campaign.id}`, { version: 1, title: '改名' }), 403, 'forbidden');
      expectProblem(await call(haizhou, 'POST', '/campaigns', campaignBody({ regionCode: '320700' })), 400, 'validation_failed');
    });

    it('selects by industry and adds the enterprises it names, exactly as the domain rule says', async () => {
      const listed: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (await call(yingji, 'GET', `/campaigns/${campaign.id}/enterprises?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
        listed.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor);
      const register = await t.db.kysely.selectFrom('enterprises').select(['id', 'industry_code', 'region_code']).execute();
      const expected = register.filter((e) => isInCampaignScope('320700', { industries: ['C28'], regions: [], enterpriseIds: [ids.L2!] }, { id: e.id, industryCode: e.industry_code, regionCode: e.region_code })).map((e) => e.id);
      expect(listed.sort()).toEqual(expected.sort());
      expect(listed.sort()).toEqual([ids.A1, ids.A2, ids.L1, ids.L2, ids.D1].sort());
    });

    it('agrees with the domain rule for a scope by region too', async () => {
      const town = (await call(haizhou, 'POST', '/campaigns', campaignBody({ title: '新浦街道专项整治（测试）', regionCode: '320706', scope: { industries: [], regions: ['320706010'], enterpriseIds: [] } }))).json() as { id: string };
      const listed = ((await call(haizhou, 'GET', `/campaigns/${town.id}/enterprises?limit=200`)).json() as { items: Array<{ id: string }> }).items.map((e) => e.id);
      const register = await t.db.kysely.selectFrom('enterprises').select(['id', 'industry_code', 'region_code']).execute();
      const expected = register.filter((e) => isInCampaignScope('320706', { industries: [], regions: ['320706010'], enterpriseIds: [] }, { id: e.id, industryCode: e.industry_code, regionCode: e.region_code })).map((e) => e.id);
      expect(expected.length).toBeGreaterThan(2);
      expect(listed.sort()).toEqual(expected.sort());
    });
  });

  describe('inspections and hazards of a campaign', () => {
    it('refuses an inspection with another checklist, outside the period, of an enterprise out of scope, or of a campaign not read, writing nothing', async () => {
      const before = [await count('inspections'), await count('hazards')];
      const chemicalItems = CHEMICAL_MAJOR_HAZARD_CRITERIA_2017.map((item) => ({ number: item.number, result: 'pass' }));
      const wrongTemplate = expectProblem(await call(haizhou, 'POST', '/inspections', { enterpriseId: ids.A1, templateCode: 'chemical_major_hazards_2017', kind: 'regulator', inspectedAt: new Date(t.clock.now().getTime() - HOUR).toISOString(), items: chemicalItems, campaignId: campaign.id }), 400, 'validation_failed');
      expect(wrongTemplate.errors!.map((e) => `${e.field}:${e.code}`)).toEqual(['templateCode:campaign_template_mismatch']);
      const fields = async (extra: Record<string, unknown>, enterpriseKey = 'A1') =>
        expectProblem(await call(haizhou, 'POST', '/inspections', { enterpriseId: ids[enterpriseKey], templateCode: 'general', kind: 'regulator', inspectedAt: new Date(t.clock.now().getTime() - HOUR).toISOString(), items: results([7]), createHazards: true, campaignId: campaign.id, ...extra }), 400, 'validation_failed').errors!.map((e) => `${e.field}:${e.code}`);
      expect(await fields({ inspectedAt: '2025-12-31T15:00:00Z' })).toEqual(['inspectedAt:outside_campaign_period']);
      expect(await fields({}, 'A3')).toEqual(['campaignId:not_in_campaign_scope']);
      const lianyunCampaign = (await call(lianyun, 'POST', '/campaigns', campaignBody({ title: '连云区专项整治（测试）' }))).json() as { id: string };
      expect(await fields({ campaignId: lianyunCampaign.id })).toEqual(['campaignId:invalid']);
      expect([await count('inspections'), await count('hazards')]).toEqual(before);
    });

    it('counts, per county and within each user’s ground, what was inspected and found against the targets', async () => {
      const a1 = await inspect(haizhou, 'A1', { items: results([7]), createHazards: true });
      expect(a1.campaignId).toBe(campaign.id);
      await inspect(haizhou, 'A2', { kind: 'self' });
      await inspect(haizhou, 'A3', { campaignId: null });
      const l1 = await inspect(lianyun, 'L1', { items: results([3, 9]), createHazards: true });
      await inspect(lianyun, 'L1');
      await inspect(yingji, 'D1');
      const [closed, overdue] = l1.items.filter((i) => i.hazardId !== null).map((i) => i.hazardId!);
      // The loop itself is the hazards suite's; here one hazard is simply closed and one left past its deadline.
      await t.db.kysely.updateTable('hazards').set({ status: 'closed', closed_at: t.clock.now().toISOString() }).where('id', '=', closed!).execute();
      await t.db.kysely.updateTable('hazards').set({ status: 'rectifying', deadline: new Date(t.clock.now().getTime() - HOUR).toISOString() }).where('id', '=', overdue!).execute();

      const hazard = (await call(haizhou, 'GET', `/hazards/${a1.items.find((i) => i.number === 7)!.hazardId}`)).json();
      expect(hazard.campaignId).toBe(campaign.id);

      const city = await progress(yingji);
      expect(city.regionCode).toBe('320700');
      expect(figures(city.total)).toEqual([5, 3, 1, 3, 1, 1]);
      expect(city.total).toMatchObject({ inspectedPct: 60, closedPct: 33.3, inspectedMet: true, closedMet: false });
      const row = (code: string) => city.rows.find((r) => r.regionCode === code)!;
      expect(figures(row('320706'))).toEqual([2, 1, 1, 1, 0, 0]);
      expect(figures(row('320703'))).toEqual([2, 1, 0, 2, 1, 1]);
      expect(figures(row('320722'))).toEqual([1, 1, 0, 0, 0, 0]);
      expect(row('320706').name).toBe('海州区');

      const district = await progress(haizhou);
      expect(district.regionCode).toBe('320706');
      expect(figures(district.total)).toEqual([2, 1, 1, 1, 0, 0]);
      expect(district.rows.find((r) => r.regionCode === '320706010')).toMatchObject({ inScope: 1, inspected: 1, hazardsFound: 1 });
      const asked = await progress(haizhou, '?regionCode=320700');
      expect(figures(asked.total)).toEqual([2, 1, 1, 1, 0, 0]);
      expect(asked.rows.map((r) => r.regionCode)).toEqual(['320706']);

      const hazards = (await call(haizhou, 'GET', `/hazards?campaignId=${campaign.id}`)).json() as { items: Array<{ enterpriseId: string }> };
      expect(hazards.items.map((h) => h.enterpriseId)).toEqual([ids.A1]);
      expect(((await call(yingji, 'GET', `/hazards?campaignId=${campaign.id}`)).json() as { items: unknown[] }).items).toHaveLength(3);
      const notYet = (await call(yingji, 'GET', `/campaigns/${campaign.id}/enterprises?inspected=false`)).json() as { items: Array<{ id: string }> };
      expect(notYet.items.map((e) => e.id).sort()).toEqual([ids.A2, ids.L2].sort());
    });

    it('gives a hazard made later from a failed item of a campaign inspection the campaign too', async () => {
      const recorded = await inspect(haizhou, 'A1', { items: results([12]) });
      const response = await call(haizhou, 'POST', `/inspections/${recorded.id}/items/12/hazard`, {});
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().campaignId).toBe(campaign.id);
    });
  });

  describe('the ground and bad input', () => {
    it('keeps a district’s own campaign from another district: 404, never listed', async () => {
      const own = (await call(lianyun, 'POST', '/campaigns', campaignBody({ title: '连云区自有整治（测试）' }))).json() as { id: string; organizerRegionCode: string };
      expect(own.organizerRegionCode).toBe('320703');
      expectProblem(await call(haizhou, 'GET', `/campaigns/${own.id}`), 404, 'not_found');
      expectProblem(await call(haizhou, 'GET', `/campaigns/${own.id}/progress`), 404, 'not_found');
      expectProblem(await call(haizhou, 'PATCH', `/campaigns/${own.id}`, { version: 1, title: '改名' }), 404, 'not_found');
      const listed = (await call(haizhou, 'GET', '/campaigns?limit=200')).json() as { items: Array<{ id: string; organizerRegionCode: string }> };
      expect(listed.items.map((c) => c.id)).not.toContain(own.id);
      expect(listed.items.every((c) => ['320700', '320000'].includes(c.organizerRegionCode) || c.organizerRegionCode.startsWith('320706'))).toBe(true);
      expect(((await call(yingji, 'GET', '/campaigns?limit=200')).json() as { items: Array<{ id: string }> }).items.map((c) => c.id)).toContain(own.id);
    });

    it('refuses an empty scope, a period ending before it starts, an unknown industry and a region outside, writing nothing', async () => {
      const before = await count('campaigns');
      const problem = expectProblem(
        await call(haizhou, 'POST', '/campaigns', campaignBody({ regionCode: '320706', startsOn: '2026-03-01', endsOn: '2026-02-01', scope: { industries: ['C99'], regions: ['320703'], enterpriseIds: [] } })),
        400,
        'validation_failed',
      );
      expect(problem.errors!.map((e) => `${e.field}:${e.code}`).sort()).toEqual(['endsOn:ends_before_start', 'scope.industries.0:unknown_industry', 'scope.regions.0:outside_campaign_region'].sort());
      const empty = expectProblem(await call(haizhou, 'POST', '/campaigns', campaignBody({ scope: { industries: [], regions: [], enterpriseIds: [] } })), 400, 'validation_failed');
      expect(empty.errors).toContainEqual(expect.objectContaining({ field: 'scope', code: 'scope_empty' }));
      expectProblem(await call(haizhou, 'POST', '/campaigns', { ...campaignBody(), extra: 1 }), 400, 'validation_failed');
      expect(await count('campaigns')).toBe(before);
    });

    it('changes a campaign only over the version read', async () => {
      expectProblem(await call(yingji, 'PATCH', `/campaigns/${campaign.id}`, { title: '无版本' }), 428, 'version_required');
      const changed = await call(yingji, 'PATCH', `/campaigns/${campaign.id}`, { version: 1, targets: { inspectedPct: 80, closedPct: 90 } });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ version: 2, targets: { inspectedPct: 80, closedPct: 90 } });
      expectProblem(await call(yingji, 'PATCH', `/campaigns/${campaign.id}`, { version: 1, title: '过期' }), 409, 'version_conflict');
      expect((await progress(yingji)).total).toMatchObject({ inspectedMet: false, closedMet: false });
    });
  });
});
