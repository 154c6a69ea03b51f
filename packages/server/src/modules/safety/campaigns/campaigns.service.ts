import { randomUUID } from 'node:crypto';
import { campaignPhase, chinaDateOf, isWithinCampaignPeriod, isWithinGround, parentRegionCode, type CampaignScope, type ChecklistTemplateCode } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, forbidden, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { defaultOverviewRegion } from '../hazards/region-children.js';
import { checkCampaignInput } from './campaign-input.js';
import { CampaignProgressRepository, type ScopedCampaign } from './campaign-progress.repository.js';
import { CampaignsRepository, type CampaignRow } from './campaigns.repository.js';
import type { Campaign, CampaignListQuery, CreateCampaignBody, UpdateCampaignBody } from './campaigns.schema.js';
import type { CampaignTable } from './campaigns.tables.js';

/** The levels above a ground that are not part of it: their campaigns apply to it. */
export function levelsAbove(ctx: RequestContext): string[] {
  const ground = ctx.actor!.ground;
  const above = new Set<string>();
  for (const code of ground.regionCodes) {
    for (let level = parentRegionCode(code); level !== null; level = parentRegionCode(level)) if (!isWithinGround(level, ground)) above.add(level);
  }
  return [...above];
}

export function scopeOf(row: CampaignRow): ScopedCampaign {
  return { id: row.id, regionCode: row.region_code, scope: { industries: JSON.parse(row.scope_industries), regions: JSON.parse(row.scope_regions), enterpriseIds: JSON.parse(row.scope_enterprise_ids) } };
}

const byStartDesc = (a: CampaignRow, b: CampaignRow) => (a.starts_on === b.starts_on ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.starts_on < b.starts_on ? 1 : -1);

/**
 * Special rectification campaigns (专项整治). A campaign is grounded by the region that organises
 * it and applies to that region's subtree: the caller reads those of their ground (through the
 * ground-scoped handle) and those of the levels above it (through the system handle, by exact
 * organiser code); only a ground that holds the organising region changes one (decision 0014).
 */
export class CampaignsService {
  constructor(
    private readonly audit: AuditService,
    private readonly systemDb: Kysely<Database>,
  ) {}

  /** The campaign if the caller may read it, else undefined. */
  async visibleRow(ctx: RequestContext, id: string): Promise<CampaignRow | undefined> {
    return (await new CampaignsRepository(ctx.db).byId(id)) ?? (await new CampaignsRepository(this.systemDb).byId(id, levelsAbove(ctx)));
  }

  async row(ctx: RequestContext, id: string): Promise<CampaignRow> {
    const row = await this.visibleRow(ctx, id);
    if (!row) throw notFound();
    return row;
  }

  async list(ctx: RequestContext, query: CampaignListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const filter = { today: chinaDateOf(ctx.now()), ...(query.phase ? { phase: query.phase } : {}) };
    const page = { limit: limit + 1, ...(after ? { after } : {}) };
    // Each source gives its first limit + 1 after the cursor, so the first limit + 1 of both together are right.
    const rows = [...(await new CampaignsRepository(ctx.db).list(filter, page)), ...(await new CampaignsRepository(this.systemDb).list({ ...filter, organizerCodes: levelsAbove(ctx) }, page))].sort(byStartDesc);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: await this.present(ctx, items), nextCursor: rows.length > limit && last ? encodeCursor([last.starts_on, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<Campaign> {
    return (await this.present(ctx, [await this.row(ctx, id)]))[0]!;
  }

  async create(ctx: RequestContext, body: CreateCampaignBody): Promise<Campaign> {
    const actor = ctx.actor!;
    const organizer = body.regionCode ?? defaultOverviewRegion(ctx);
    const errors: FieldError[] = [];
    if (!isWithinGround(organizer, actor.ground)) errors.push(fieldError('regionCode', 'outside_ground'));
    else if (!(await new RegionsRepository(ctx.db).byCode(organizer))) errors.push(fieldError('regionCode', 'unknown_region'));
    const title = body.title.trim();
    if (title === '') errors.push(fieldError('title', 'required'));
    if (errors.length === 0) errors.push(...(await checkCampaignInput(ctx.db, organizer, body)));
    if (errors.length > 0) throw invalid(...errors);

    const now = ctx.now().toISOString();
    const row: CampaignTable = {
      id: randomUUID(),
      region_code: organizer,
      title,
      description: body.description?.trim() || null,
      template_code: body.templateCode,
      ...scopeColumns(body.scope),
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      target_inspected_pct: body.targets.inspectedPct,
      target_closed_pct: body.targets.closedPct,
      unit_id: actor.ground.departmentId ?? null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      await new CampaignsRepository(trx).insert(row);
      await this.audit.record(trx, ctx, { action: 'campaign.create', objectType: 'campaign', objectId: row.id, detail: { regionCode: organizer, title, templateCode: row.template_code, scope: body.scope, startsOn: row.starts_on, endsOn: row.ends_on, targets: body.targets } });
    });
    return this.get(ctx, row.id);
  }

  async update(ctx: RequestContext, id: string, body: UpdateCampaignBody): Promise<Campaign> {
    if (body.version === undefined) throw new AppError('version_required');
    const current = await this.row(ctx, id);
    if (!isWithinGround(current.region_code, ctx.actor!.ground)) throw forbidden();
    if (current.version !== body.version) throw new AppError('version_conflict');
    const merged = {
      scope: body.scope ?? scopeOf(current).scope,
      startsOn: body.startsOn ?? current.starts_on,
      endsOn: body.endsOn ?? current.ends_on,
    };
    const errors: FieldError[] = [];
    if (body.title !== undefined && body.title.trim() === '') errors.push(fieldError('title', 'required'));
    errors.push(...(await checkCampaignInput(ctx.db, current.region_code, merged)));
    if (errors.length > 0) throw invalid(...errors);

    const changes: Partial<CampaignTable> = { updated_at: ctx.now().toISOString() };
    if (body.title !== undefined) changes.title = body.title.trim();
    if (body.description !== undefined) changes.description = body.description?.trim() || null;
    if (body.templateCode !== undefined) changes.template_code = body.templateCode;
    if (body.scope !== undefined) Object.assign(changes, scopeColumns(body.scope));
    if (body.startsOn !== undefined) changes.starts_on = body.startsOn;
    if (body.endsOn !== undefined) changes.ends_on = body.endsOn;
    if (body.targets !== undefined) Object.assign(changes, { target_inspected_pct: body.targets.inspectedPct, target_closed_pct: body.targets.closedPct });
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new CampaignsRepository(trx).updateVersioned(id, body.version!, changes)) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'campaign.update', objectType: 'campaign', objectId: id, detail: { fields: Object.keys(body).filter((key) => key !== 'version'), version: body.version } });
    });
    return this.get(ctx, id);
  }

  /**
   * Whether an inspection may be recorded for a campaign: one the caller reads, with its
   * checklist, on a day of its period, of an enterprise in its scope.
   */
  async checkInspection(ctx: RequestContext, campaignId: string, inspection: { enterpriseId: string; templateCode: ChecklistTemplateCode; inspectedAt: Date }): Promise<FieldError[]> {
    const row = await this.visibleRow(ctx, campaignId);
    if (!row) return [fieldError('campaignId', 'invalid')];
    const errors: FieldError[] = [];
    if (row.template_code !== inspection.templateCode) errors.push(fieldError('templateCode', 'campaign_template_mismatch'));
    if (!isWithinCampaignPeriod({ startsOn: row.starts_on, endsOn: row.ends_on }, inspection.inspectedAt)) errors.push(fieldError('inspectedAt', 'outside_campaign_period'));
    if (!(await new CampaignProgressRepository(ctx.db).isInScope(scopeOf(row), inspection.enterpriseId))) errors.push(fieldError('campaignId', 'not_in_campaign_scope'));
    return errors;
  }

  private async present(ctx: RequestContext, rows: CampaignRow[]): Promise<Campaign[]> {
    const actor = ctx.actor!;
    const named = await new CampaignsRepository(ctx.db).enterpriseNames([...new Set(rows.flatMap((row) => JSON.parse(row.scope_enterprise_ids) as string[]))]);
    // Region names are public; the organising level usually lies above the caller's ground.
    const regions = new Map((await new RegionsRepository(this.systemDb).byCodes([...new Set(rows.map((row) => row.region_code))])).map((region) => [region.code, region.name]));
    const mayOrganise = actor.permissions.includes('campaigns:manage');
    const now = ctx.now();
    return rows.map((row) => {
      const { scope } = scopeOf(row);
      return {
        id: row.id,
        title: row.title,
        description: row.description,
        organizerRegionCode: row.region_code,
        organizerRegionName: regions.get(row.region_code) ?? null,
        templateCode: row.template_code,
        scope: { industries: [...scope.industries], regions: [...scope.regions], enterprises: scope.enterpriseIds.map((id) => ({ id, name: named.get(id) ?? null })) },
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        phase: campaignPhase({ startsOn: row.starts_on, endsOn: row.ends_on }, now),
        targets: { inspectedPct: row.target_inspected_pct, closedPct: row.target_closed_pct },
        unitId: row.unit_id,
        editable: mayOrganise && isWithinGround(row.region_code, actor.ground),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        version: row.version,
      };
    });
  }
}

function scopeColumns(scope: CampaignScope) {
  return {
    scope_industries: JSON.stringify(scope.industries),
    scope_regions: JSON.stringify(scope.regions),
    scope_enterprise_ids: JSON.stringify(scope.enterpriseIds),
  };
}
