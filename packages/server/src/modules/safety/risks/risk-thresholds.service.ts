import { DEFAULT_RISK_THRESHOLDS, isWithinGround, parentRegionCode, regionLevel, validateThresholds, type RiskThresholds as Bands } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../../db/errors.js';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, type FieldError } from '../../../http/errors.js';
import type { AuditService } from '../../audit/audit.service.js';
import { defaultOverviewRegion } from '../hazards/region-children.js';
import { RiskThresholdsRepository, type RiskThresholdsRow } from './risk-thresholds.repository.js';
import type { PutThresholdsBody, RiskThresholds } from './risks.schema.js';

/** A region and the regions above it, nearest first. */
function selfAndAncestors(regionCode: string): string[] {
  const codes: string[] = [];
  for (let code: string | null = regionCode; code !== null; code = parentRegionCode(code)) codes.push(code);
  return codes;
}

function bandsOf(row: RiskThresholdsRow): Bands {
  return { source: row.source, lec: { red: row.lec_red, orange: row.lec_orange, yellow: row.lec_yellow }, ls: { red: row.ls_red, orange: row.ls_orange, yellow: row.ls_yellow } };
}

export interface ThresholdsInForce {
  row: RiskThresholdsRow | null;
  thresholds: Bands;
}

/**
 * Risk bands (风险分级阈值). Provinces set their own, so they are data: a row for a province or a
 * city, the nearest one at or above a risk point's region applying, and the domain's documented
 * defaults without any. Rows above the caller's ground are read through the system handle (the
 * bands of the city apply to a district officer's enterprises); writing one needs a ground that
 * holds its region.
 */
export class RiskThresholdsService {
  constructor(
    private readonly audit: AuditService,
    private readonly systemDb: Kysely<Database>,
  ) {}

  async inForce(regionCode: string): Promise<ThresholdsInForce> {
    const codes = selfAndAncestors(regionCode);
    const rows = await new RiskThresholdsRepository(this.systemDb).byRegions(codes);
    const nearest = codes.map((code) => rows.find((row) => row.region_code === code)).find((row) => row !== undefined) ?? null;
    return { row: nearest, thresholds: nearest ? bandsOf(nearest) : DEFAULT_RISK_THRESHOLDS };
  }

  async get(ctx: RequestContext, query: { regionCode?: string }): Promise<RiskThresholds> {
    const { row, thresholds } = await this.inForce(query.regionCode ?? defaultOverviewRegion(ctx));
    return { regionCode: row?.region_code ?? null, source: thresholds.source, lec: thresholds.lec, ls: thresholds.ls, version: row?.version ?? 0 };
  }

  async put(ctx: RequestContext, body: PutThresholdsBody): Promise<RiskThresholds> {
    const errors: FieldError[] = [];
    const level = regionLevel(body.regionCode);
    if (level !== 'province' && level !== 'city') errors.push(fieldError('regionCode', 'not_city_or_province'));
    else if (!isWithinGround(body.regionCode, ctx.actor!.ground)) errors.push(fieldError('regionCode', 'outside_ground'));
    const bands: Bands = { source: body.source.trim(), lec: body.lec, ls: body.ls };
    if (bands.source === '') errors.push(fieldError('source', 'required'));
    for (const problem of validateThresholds(bands)) errors.push(fieldError(problem.method.toLowerCase(), problem.problem === 'not_positive' ? 'thresholds_not_positive' : 'thresholds_not_descending'));
    if (errors.length > 0) throw invalid(...errors);
    if (body.version === undefined) throw new AppError('version_required');

    const now = ctx.now().toISOString();
    const columns = {
      source: bands.source,
      lec_red: bands.lec.red,
      lec_orange: bands.lec.orange,
      lec_yellow: bands.lec.yellow,
      ls_red: bands.ls.red,
      ls_orange: bands.ls.orange,
      ls_yellow: bands.ls.yellow,
      updated_at: now,
      updated_by: ctx.actor!.id,
    };
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new RiskThresholdsRepository(trx);
      const existing = (await repo.byRegions([body.regionCode]))[0];
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
      await this.audit.record(trx, ctx, { action: 'risk_thresholds.update', objectType: 'risk_thresholds', objectId: body.regionCode, detail: { source: bands.source, lec: bands.lec, ls: bands.ls } });
    });
    return this.get(ctx, { regionCode: body.regionCode });
  }
}
