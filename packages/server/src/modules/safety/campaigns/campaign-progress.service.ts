import { campaignRates, isWithinGround, type CampaignTargets } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { enterpriseScope } from '../enterprises/enterprises.service.js';
import { childGrouping, defaultOverviewRegion } from '../hazards/region-children.js';
import { CampaignProgressRepository, type ProgressFilter } from './campaign-progress.repository.js';
import type { CampaignProgress, ScopedEnterpriseQuery } from './campaigns.schema.js';
import { scopeOf, type CampaignsService } from './campaigns.service.js';

interface Counts {
  inScope: number;
  inspected: number;
  selfInspected: number;
  hazardsFound: number;
  hazardsClosed: number;
  hazardsOverdue: number;
}

const zero = (): Counts => ({ inScope: 0, inspected: 0, selfInspected: 0, hazardsFound: 0, hazardsClosed: 0, hazardsOverdue: 0 });

function withRates(counts: Counts, targets: CampaignTargets) {
  return { ...counts, ...campaignRates({ inScope: counts.inScope, inspected: counts.inspected, hazardsFound: counts.hazardsFound, hazardsClosed: counts.hazardsClosed }, targets) };
}

/**
 * A campaign's progress per region: enterprises in scope and inspected, hazards found, closed and
 * overdue, against its targets. Every figure comes from the grounded tables through the caller's
 * handle, so each user counts their own ground only, whoever organised the campaign.
 */
export class CampaignProgressService {
  constructor(private readonly campaigns: CampaignsService) {}

  /** The region shown by default: the organising one when the ground holds it, else the caller's own. */
  private defaultRegion(ctx: RequestContext, organizer: string): string {
    return isWithinGround(organizer, ctx.actor!.ground) ? organizer : defaultOverviewRegion(ctx);
  }

  private filter(ctx: RequestContext, regionCode: string): ProgressFilter {
    const { onlyId } = enterpriseScope(ctx);
    return { regionCode, ...(onlyId ? { onlyEnterpriseId: onlyId } : {}) };
  }

  async progress(ctx: RequestContext, id: string, query: { regionCode?: string }): Promise<CampaignProgress> {
    const row = await this.campaigns.row(ctx, id);
    const regionCode = query.regionCode ?? this.defaultRegion(ctx, row.region_code);
    const filter = this.filter(ctx, regionCode);
    const repo = new CampaignProgressRepository(ctx.db);
    const enterprises = await repo.enterpriseCounts(scopeOf(row), filter);
    const hazards = await repo.hazardCounts(row.id, filter, ctx.now().toISOString());

    const grouping = childGrouping(regionCode);
    const total = zero();
    const byChild = new Map<string, Counts>();
    const into = (code: string) => {
      const child = grouping.childOf(code);
      const counts = byChild.get(child) ?? zero();
      byChild.set(child, counts);
      return counts;
    };
    for (const e of enterprises) {
      const counts = into(e.regionCode);
      for (const target of [counts, total]) {
        target.inScope += e.inScope;
        target.inspected += e.inspected;
        target.selfInspected += e.selfInspected;
      }
    }
    for (const h of hazards) {
      const counts = into(h.regionCode);
      for (const target of [counts, total]) {
        target.hazardsFound += h.found;
        target.hazardsClosed += h.closed;
        target.hazardsOverdue += h.overdue;
      }
    }
    const targets = { inspectedPct: row.target_inspected_pct, closedPct: row.target_closed_pct };
    const children = await new RegionsRepository(ctx.db).children(regionCode);
    return {
      campaignId: row.id,
      regionCode,
      total: withRates(total, targets),
      rows: children.map((region) => ({ regionCode: region.code, name: region.name, ...withRates(byChild.get(region.code) ?? zero(), targets) })),
    };
  }

  async enterprises(ctx: RequestContext, id: string, query: ScopedEnterpriseQuery) {
    const row = await this.campaigns.row(ctx, id);
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const filter = { ...this.filter(ctx, query.regionCode ?? this.defaultRegion(ctx, row.region_code)), ...(query.inspected !== undefined ? { inspected: query.inspected } : {}) };
    const rows = await new CampaignProgressRepository(ctx.db).scopedEnterprises(scopeOf(row), filter, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((e) => ({
        id: e.id,
        name: e.name,
        regionCode: e.region_code,
        industryCode: e.industry_code,
        industryName: e.industry_name,
        lastInspectedAt: (e.last_inspected_at as string | null) ?? null,
        hazardsFound: Number(e.hazards_found ?? 0),
        hazardsOpen: Number(e.hazards_open ?? 0),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
    };
  }
}
