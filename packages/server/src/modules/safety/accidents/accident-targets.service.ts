import { randomUUID } from 'node:crypto';
import { isWithinGround, regionLevel } from '@shoutu/domain';
import type { Selectable } from 'kysely';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, forbidden, notFound, type FieldError } from '../../../http/errors.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { industryByCode } from '../industries/industries.js';
import type { AccidentTarget, CreateTargetBody, UpdateTargetBody } from './accident-statistics.schema.js';
import { AccidentTargetsRepository } from './accident-targets.repository.js';
import type { AccidentTargetTable } from './accidents.tables.js';

export function toTarget(row: Selectable<AccidentTargetTable>): AccidentTarget {
  return {
    id: row.id,
    regionCode: row.region_code,
    year: row.year,
    industryCode: row.industry_code === '' ? null : row.industry_code,
    maxAccidents: row.max_accidents,
    maxDeaths: row.max_deaths,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/**
 * Yearly control targets (控制指标) for accidents and deaths, set for the city and its county-level
 * units, optionally per industry. Set by those who report accidents in that ground; never by an
 * enterprise.
 */
export class AccidentTargetsService {
  constructor(private readonly audit: AuditService) {}

  async list(ctx: RequestContext, query: { year?: number; regionCode?: string }) {
    const rows = await new AccidentTargetsRepository(ctx.db).list(query);
    return { items: rows.map(toTarget) };
  }

  async create(ctx: RequestContext, body: CreateTargetBody): Promise<AccidentTarget> {
    if (ctx.actor?.ground.enterpriseId) throw forbidden();
    const errors: FieldError[] = [];
    const level = regionLevel(body.regionCode);
    if (level !== 'city' && level !== 'county') errors.push(fieldError('regionCode', 'not_city_or_county'));
    else if (!isWithinGround(body.regionCode, ctx.actor!.ground)) errors.push(fieldError('regionCode', 'outside_ground'));
    else if (!(await new RegionsRepository(ctx.db).byCode(body.regionCode))) errors.push(fieldError('regionCode', 'unknown_region'));
    let industryCode = '';
    if (body.industryCode) {
      const industry = industryByCode(body.industryCode);
      if (industry) industryCode = industry.code;
      else errors.push(fieldError('industryCode', 'unknown_industry'));
    }
    if (errors.length) throw new AppError('validation_failed', errors);
    const at = ctx.now().toISOString();
    const row: AccidentTargetTable = {
      id: randomUUID(),
      region_code: body.regionCode,
      year: body.year,
      industry_code: industryCode,
      max_accidents: body.maxAccidents,
      max_deaths: body.maxDeaths,
      updated_by: ctx.actor?.username ?? null,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await new AccidentTargetsRepository(trx).insertNew(row))) throw new AppError('conflict', [fieldError('regionCode', 'taken')]);
      await this.audit.record(trx, ctx, { action: 'accident_target.create', objectType: 'accident_target', objectId: row.id, detail: { year: row.year, regionCode: row.region_code, industryCode: industryCode || null, maxAccidents: row.max_accidents, maxDeaths: row.max_deaths } });
    });
    return toTarget(row);
  }

  async update(ctx: RequestContext, id: string, body: UpdateTargetBody): Promise<AccidentTarget> {
    if (ctx.actor?.ground.enterpriseId) throw forbidden();
    if (body.version === undefined) throw new AppError('version_required');
    const repo = new AccidentTargetsRepository(ctx.db);
    const current = await repo.byId(id);
    if (!current) throw notFound();
    const changes = {
      ...(body.maxAccidents !== undefined ? { max_accidents: body.maxAccidents } : {}),
      ...(body.maxDeaths !== undefined ? { max_deaths: body.maxDeaths } : {}),
      updated_by: ctx.actor?.username ?? null,
      updated_at: ctx.now().toISOString(),
    };
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new AccidentTargetsRepository(trx).updateVersioned(id, body.version!, changes)) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, {
        action: 'accident_target.update',
        objectType: 'accident_target',
        objectId: id,
        detail: { from: { maxAccidents: current.max_accidents, maxDeaths: current.max_deaths }, maxAccidents: body.maxAccidents, maxDeaths: body.maxDeaths },
      });
    });
    return toTarget((await repo.byId(id))!);
  }
}
