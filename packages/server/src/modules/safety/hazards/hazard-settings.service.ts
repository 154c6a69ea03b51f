import { DEFAULT_HAZARD_SETTINGS, isWithinGround, parentRegionCode, regionLevel, validateHazardSettings, type HazardSettings } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../../db/errors.js';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, forbidden, invalid, type FieldError } from '../../../http/errors.js';
import type { AuditService } from '../../audit/audit.service.js';
import { HazardSettingsRepository, type HazardSettingsRow } from './hazard-settings.repository.js';
import type { HazardSettingsResponse, PutHazardSettingsBody } from './hazard-settings.schema.js';
import { hazardActorOf } from './hazards.policy.js';
import { defaultOverviewRegion } from './region-children.js';

function settingsOf(row: HazardSettingsRow): HazardSettings {
  return {
    cityEscalationAfterDays: row.city_escalation_after_days,
    acceptanceWait: { generalWorkingDays: row.acceptance_wait_general_working_days, majorWorkingDays: row.acceptance_wait_major_working_days },
    listing: {
      publishWithinWorkingDays: row.listing_publish_within_working_days,
      delistingPublishWithinWorkingDays: row.listing_delisting_publish_within_working_days,
      extensionRequestLeadWorkingDays: row.listing_extension_request_lead_working_days,
      extensionDecisionWithinWorkingDays: row.listing_extension_decision_within_working_days,
      source: row.listing_source,
      verify: row.listing_verify === 1,
    },
  };
}

/** The settings rows as they stand, answering for any region the nearest row at or above it. */
export class HazardSettingsInForce {
  private readonly byRegion: Map<string, HazardSettingsRow>;

  constructor(rows: readonly HazardSettingsRow[]) {
    this.byRegion = new Map(rows.map((row) => [row.region_code, row]));
  }

  row(regionCode: string): HazardSettingsRow | null {
    for (let code: string | null = regionCode; code !== null; code = parentRegionCode(code)) {
      const row = this.byRegion.get(code);
      if (row) return row;
    }
    return null;
  }

  for(regionCode: string): HazardSettings {
    const row = this.row(regionCode);
    return row ? settingsOf(row) : DEFAULT_HAZARD_SETTINGS;
  }

  /** The shortest wait before the city anywhere: the escalation asks the database for what is due under it. */
  shortestCityEscalationDays(): number {
    return Math.min(DEFAULT_HAZARD_SETTINGS.cityEscalationAfterDays, ...[...this.byRegion.values()].map((row) => row.city_escalation_after_days));
  }
}

/**
 * The local time limits of hazard governance (domain `HazardSettings`). A city or a province sets
 * its own; the nearest row at or above a hazard's region applies, the documented defaults without
 * one. As with the risk bands, rows above the caller's ground are read through the system handle
 * (the city's limits apply to a district's hazards). They are rules of supervision, so a regulator
 * whose ground holds the region sets them, not the system admin (decision 0013).
 */
export class HazardSettingsService {
  constructor(
    private readonly audit: AuditService,
    private readonly systemDb: Kysely<Database>,
  ) {}

  async inForce(): Promise<HazardSettingsInForce> {
    return new HazardSettingsInForce(await new HazardSettingsRepository(this.systemDb).all());
  }

  async get(ctx: RequestContext, query: { regionCode?: string }): Promise<HazardSettingsResponse> {
    const inForce = await this.inForce();
    const regionCode = query.regionCode ?? defaultOverviewRegion(ctx);
    const row = inForce.row(regionCode);
    return { regionCode: row?.region_code ?? null, ...inForce.for(regionCode), updatedAt: row?.updated_at ?? null, version: row?.version ?? 0 };
  }

  async put(ctx: RequestContext, body: PutHazardSettingsBody): Promise<HazardSettingsResponse> {
    const actor = ctx.actor!;
    if (hazardActorOf(actor).kind !== 'regulator') throw forbidden();
    const settings: HazardSettings = { cityEscalationAfterDays: body.cityEscalationAfterDays, acceptanceWait: body.acceptanceWait, listing: { ...body.listing, source: body.listing.source.trim() } };
    const errors: FieldError[] = [];
    const level = regionLevel(body.regionCode);
    if (level !== 'province' && level !== 'city') errors.push(fieldError('regionCode', 'settings_not_city_or_province'));
    else if (!isWithinGround(body.regionCode, actor.ground)) errors.push(fieldError('regionCode', 'outside_ground'));
    for (const problem of validateHazardSettings(settings)) errors.push(fieldError(problem.field, problem.problem));
    if (errors.length > 0) throw invalid(...errors);
    if (body.version === undefined) throw new AppError('version_required');

    const columns = {
      city_escalation_after_days: settings.cityEscalationAfterDays,
      acceptance_wait_general_working_days: settings.acceptanceWait.generalWorkingDays,
      acceptance_wait_major_working_days: settings.acceptanceWait.majorWorkingDays,
      listing_publish_within_working_days: settings.listing.publishWithinWorkingDays,
      listing_delisting_publish_within_working_days: settings.listing.delistingPublishWithinWorkingDays,
      listing_extension_request_lead_working_days: settings.listing.extensionRequestLeadWorkingDays,
      listing_extension_decision_within_working_days: settings.listing.extensionDecisionWithinWorkingDays,
      listing_source: settings.listing.source,
      listing_verify: settings.listing.verify ? 1 : 0,
      updated_at: ctx.now().toISOString(),
      updated_by: actor.id,
    };
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new HazardSettingsRepository(trx);
      const existing = await repo.byRegion(body.regionCode);
      if (existing === undefined) {
        if (body.version !== 0) throw new AppError('version_conflict');
        try {
          await repo.insert({ region_code: body.regionCode, ...columns, version: 1 });
        } catch (error) {
          if (isUniqueViolation(error)) throw new AppError('version_conflict');
          throw error;
        }
      } else if ((await repo.updateVersioned(body.regionCode, body.version!, columns)) === 0) {
        throw new AppError('version_conflict');
      }
      await this.audit.record(trx, ctx, { action: 'hazard_settings.update', objectType: 'hazard_settings', objectId: body.regionCode, detail: { ...settings } });
    });
    return this.get(ctx, { regionCode: body.regionCode });
  }
}
