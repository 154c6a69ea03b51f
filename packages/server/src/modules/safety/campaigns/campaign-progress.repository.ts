import { hasScopeCriteria, regionPrefix, type CampaignScope } from '@shoutu/domain';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { OPEN_STATUSES } from '../hazards/hazards.repository.js';

/** A campaign as its scope is resolved: its organising region and the domain's CampaignScope. */
export interface ScopedCampaign {
  id: string;
  regionCode: string;
  scope: CampaignScope;
}

export interface ProgressFilter {
  /** The subtree counted. */
  regionCode: string;
  /** An enterprise officer counts their own enterprise only. */
  onlyEnterpriseId?: string;
}

type EnterpriseEb = ExpressionBuilder<Database, 'enterprises'>;

function within(eb: EnterpriseEb, column: 'enterprises.region_code' | 'enterprises.industry_code', code: string, asRegion: boolean) {
  const prefix = asRegion ? regionPrefix(code) : code;
  return eb.and([eb(column, '>=', prefix), eb(column, '<', `${prefix}~`)]);
}

/**
 * The domain's isInCampaignScope as SQL over the register: in the campaign's region, and named or
 * (selected by industries and regions, an empty list meaning any). Prefix matches are ranges, as
 * the ground's are. The campaigns test checks the two agree on a hand-built register.
 */
function inScope(eb: EnterpriseEb, campaign: ScopedCampaign) {
  const { scope } = campaign;
  const ways = [];
  if (scope.enterpriseIds.length > 0) ways.push(eb('enterprises.id', 'in', [...scope.enterpriseIds]));
  if (hasScopeCriteria(scope)) {
    const criteria = [];
    if (scope.regions.length > 0) criteria.push(eb.or(scope.regions.map((code) => within(eb, 'enterprises.region_code', code, true))));
    if (scope.industries.length > 0) criteria.push(eb.or(scope.industries.map((code) => within(eb, 'enterprises.industry_code', code, false))));
    ways.push(eb.and(criteria));
  }
  return eb.and([within(eb, 'enterprises.region_code', campaign.regionCode, true), ways.length > 0 ? eb.or(ways) : sql<boolean>`1 = 0`]);
}

function campaignInspection(campaignId: string, kind: 'regulator' | 'self') {
  return (eb: EnterpriseEb) =>
    eb.exists(
      eb
        .selectFrom('inspections')
        .select('inspections.id')
        .whereRef('inspections.enterprise_id', '=', 'enterprises.id')
        .where('inspections.campaign_id', '=', campaignId)
        .where('inspections.kind', '=', kind),
    );
}

const count = (n: unknown) => Number(n ?? 0);

/**
 * A campaign's figures from the grounded tables through the caller's handle: the register for the
 * scope, inspections and hazards for what was done. A district officer's figures are therefore
 * their district's, whatever level organised the campaign.
 */
export class CampaignProgressRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private scoped(campaign: ScopedCampaign, filter: ProgressFilter) {
    return this.db
      .selectFrom('enterprises')
      .where((eb) => inScope(eb, campaign))
      .where((eb) => within(eb, 'enterprises.region_code', filter.regionCode, true))
      .$if(filter.onlyEnterpriseId !== undefined, (q) => q.where('enterprises.id', '=', filter.onlyEnterpriseId!));
  }

  /** Enterprises in scope, and of those inspected by a regulator and self-inspected in the campaign, per community. */
  async enterpriseCounts(campaign: ScopedCampaign, filter: ProgressFilter) {
    const rows = await this.scoped(campaign, filter)
      .select((eb) => [
        'enterprises.region_code',
        eb.fn.countAll<number>().as('in_scope'),
        eb.fn.sum<number>(eb.case().when(campaignInspection(campaign.id, 'regulator')(eb)).then(1).else(0).end()).as('inspected'),
        eb.fn.sum<number>(eb.case().when(campaignInspection(campaign.id, 'self')(eb)).then(1).else(0).end()).as('self_inspected'),
      ])
      .groupBy('enterprises.region_code')
      .execute();
    return rows.map((row) => ({ regionCode: row.region_code, inScope: count(row.in_scope), inspected: count(row.inspected), selfInspected: count(row.self_inspected) }));
  }

  /** The campaign's hazards per community: found, closed, and open past their deadline at `now`. */
  async hazardCounts(campaignId: string, filter: ProgressFilter, now: string) {
    const prefix = regionPrefix(filter.regionCode);
    const rows = await this.db
      .selectFrom('hazards')
      .where('hazards.campaign_id', '=', campaignId)
      .where('hazards.region_code', '>=', prefix)
      .where('hazards.region_code', '<', `${prefix}~`)
      .$if(filter.onlyEnterpriseId !== undefined, (q) => q.where('hazards.enterprise_id', '=', filter.onlyEnterpriseId!))
      .select((eb) => [
        'hazards.region_code',
        eb.fn.countAll<number>().as('found'),
        eb.fn.sum<number>(eb.case().when('hazards.status', '=', 'closed').then(1).else(0).end()).as('closed'),
        eb.fn.sum<number>(eb.case().when(eb.and([eb('hazards.status', 'in', OPEN_STATUSES), eb('hazards.deadline', '<', now)])).then(1).else(0).end()).as('overdue'),
      ])
      .groupBy('hazards.region_code')
      .execute();
    return rows.map((row) => ({ regionCode: row.region_code, found: count(row.found), closed: count(row.closed), overdue: count(row.overdue) }));
  }

  /** The enterprises in scope, by name, with the campaign's latest regulator inspection and hazards of each. */
  scopedEnterprises(campaign: ScopedCampaign, filter: ProgressFilter & { inspected?: boolean }, page: { limit: number; after?: [string, string] }) {
    let query = this.scoped(campaign, filter)
      .select((eb) => [
        'enterprises.id',
        'enterprises.name',
        'enterprises.region_code',
        'enterprises.industry_code',
        'enterprises.industry_name',
        eb
          .selectFrom('inspections')
          .select((sub) => sub.fn.max('inspections.inspected_at').as('at'))
          .whereRef('inspections.enterprise_id', '=', 'enterprises.id')
          .where('inspections.campaign_id', '=', campaign.id)
          .where('inspections.kind', '=', 'regulator')
          .as('last_inspected_at'),
        eb.selectFrom('hazards').select((sub) => sub.fn.countAll<number>().as('n')).whereRef('hazards.enterprise_id', '=', 'enterprises.id').where('hazards.campaign_id', '=', campaign.id).as('hazards_found'),
        eb
          .selectFrom('hazards')
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .whereRef('hazards.enterprise_id', '=', 'enterprises.id')
          .where('hazards.campaign_id', '=', campaign.id)
          .where('hazards.status', 'in', OPEN_STATUSES)
          .as('hazards_open'),
      ])
      .$if(filter.inspected !== undefined, (q) => q.where((eb) => (filter.inspected ? campaignInspection(campaign.id, 'regulator')(eb) : eb.not(campaignInspection(campaign.id, 'regulator')(eb)))))
      .orderBy('enterprises.name')
      .orderBy('enterprises.id')
      .limit(page.limit);
    if (page.after) {
      const [name, id] = page.after;
      query = query.where((eb) => eb.or([eb('enterprises.name', '>', name), eb.and([eb('enterprises.name', '=', name), eb('enterprises.id', '>', id)])]));
    }
    return query.execute();
  }

  /** Whether one enterprise of the caller's ground is in the campaign's scope (the same SQL that counts it). */
  async isInScope(campaign: ScopedCampaign, enterpriseId: string): Promise<boolean> {
    const row = await this.db.selectFrom('enterprises').select('enterprises.id').where('enterprises.id', '=', enterpriseId).where((eb) => inScope(eb, campaign)).executeTakeFirst();
    return row !== undefined;
  }
}
