import { randomUUID } from 'node:crypto';
import { assessLec, assessLs, isAccidentType, LEC_C_SCALE, LEC_E_SCALE, LEC_L_SCALE, maskName, RISK_LEVELS, type RiskAssessment, type RiskThresholds as Bands } from '@shoutu/domain';
import type { Updateable } from 'kysely';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import type { EnterpriseLookup } from '../hazards/enterprise-lookup.js';
import { requireEnterpriseSafetyActor } from '../hazards/hazards.policy.js';
import { hazardScope } from '../hazards/hazards.service.js';
import { childGrouping, defaultOverviewRegion } from '../hazards/region-children.js';
import type { RiskThresholdsService } from './risk-thresholds.service.js';
import { RisksRepository, type LevelCounts, type RiskPointRow, type RiskScope } from './risks.repository.js';
import type { AssessBody, AssessmentInput, CreateRiskPointBody, RiskOverview, RiskPoint, RiskPointDetail, RiskPointListQuery, UpdateRiskPointBody } from './risks.schema.js';
import type { RiskPointTable } from './risks.tables.js';

type Inputs = Record<string, number>;

function scope(ctx: RequestContext): RiskScope {
  const { onlyEnterpriseId } = hazardScope(ctx);
  return onlyEnterpriseId ? { onlyEnterpriseId } : {};
}

function present(row: RiskPointRow): RiskPoint {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    place: row.place,
    hazardFactors: row.hazard_factors,
    accidentTypes: JSON.parse(row.accident_types) as string[],
    controlMeasures: row.control_measures,
    responsiblePerson: row.responsible_person === null ? null : maskName(row.responsible_person),
    method: row.method,
    inputs: JSON.parse(row.inputs) as Inputs,
    score: row.score,
    level: row.level,
    thresholdsSource: row.thresholds_source,
    assessedAt: row.assessed_at,
    retiredAt: row.retired_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/**
 * The level of a risk point under the bands in force, by the domain's LS or LEC assessment.
 * Field errors are named under `prefix` (the create body nests the assessment).
 */
function assess(input: AssessmentInput, thresholds: Bands, prefix: string): { result: RiskAssessment; inputs: Inputs } {
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const errors: FieldError[] = [];
  const given = (name: 'likelihood' | 'severity' | 'l' | 'e' | 'c') => {
    const value = input[name];
    if (value === undefined) errors.push(fieldError(field(name), 'required'));
    return value ?? 0;
  };
  const others = input.method === 'LS' ? (['l', 'e', 'c'] as const) : (['likelihood', 'severity'] as const);
  for (const name of others) if (input[name] !== undefined) errors.push(fieldError(field(name), 'unknown_field'));
  if (input.method === 'LS') {
    const inputs = { likelihood: given('likelihood'), severity: given('severity') };
    if (errors.length > 0) throw invalid(...errors);
    return { result: assessLs(inputs, thresholds), inputs };
  }
  const inputs = { l: given('l'), e: given('e'), c: given('c') };
  // Name the factor that is off its Graham–Kinney scale; assessLec is what refuses it.
  for (const [name, scale] of [['l', LEC_L_SCALE], ['e', LEC_E_SCALE], ['c', LEC_C_SCALE]] as const) {
    if (input[name] !== undefined && !scale.some((s) => s.value === input[name])) errors.push(fieldError(field(name), 'out_of_range'));
  }
  if (errors.length > 0) throw invalid(...errors);
  return { result: assessLec(inputs, thresholds), inputs };
}

function text(value: string, field: string, errors: FieldError[]): string {
  const trimmed = value.trim();
  if (trimmed === '') errors.push(fieldError(field, 'required'));
  return trimmed;
}

function accidentTypes(codes: readonly string[], errors: FieldError[]): string[] {
  codes.forEach((code, index) => {
    if (!isAccidentType(code)) errors.push(fieldError(`accidentTypes.${index}`, 'unknown_accident_type'));
  });
  return [...codes];
}

/** Risk graded control (风险分级管控): risk points, their assessments and the four-colour overview. */
export class RisksService {
  constructor(
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseLookup,
    private readonly thresholds: RiskThresholdsService,
  ) {}

  async list(ctx: RequestContext, query: RiskPointListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await new RisksRepository(ctx.db).list(
      {
        ...scope(ctx),
        ...(query.enterpriseId !== undefined ? { enterpriseId: query.enterpriseId } : {}),
        ...(query.regionCode !== undefined ? { regionCode: query.regionCode } : {}),
        ...(query.level !== undefined ? { level: query.level } : {}),
      },
      { limit: limit + 1, ...(after ? { after } : {}) },
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(present), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<RiskPointDetail> {
    const repo = new RisksRepository(ctx.db);
    const row = await repo.byId(id, scope(ctx));
    if (!row) throw notFound();
    const assessments = (await repo.assessments(id)).map((a) => ({
      id: a.id,
      method: a.method,
      inputs: JSON.parse(a.inputs) as Inputs,
      score: a.score,
      level: a.level,
      thresholds: JSON.parse(a.thresholds) as Bands,
      note: a.note,
      assessedAt: a.assessed_at,
      assessedByName: a.assessed_by_name,
    }));
    return { ...present(row), assessments };
  }

  async create(ctx: RequestContext, body: CreateRiskPointBody): Promise<RiskPointDetail> {
    const enterprise = await this.enterprises.find(ctx, body.enterpriseId);
    if (!enterprise) throw invalid(fieldError('enterpriseId', 'invalid'));
    requireEnterpriseSafetyActor(ctx);
    const errors: FieldError[] = [];
    const place = text(body.place, 'place', errors);
    const hazardFactors = text(body.hazardFactors, 'hazardFactors', errors);
    const controlMeasures = text(body.controlMeasures, 'controlMeasures', errors);
    const types = accidentTypes(body.accidentTypes, errors);
    if (errors.length > 0) throw invalid(...errors);
    const { thresholds } = await this.thresholds.inForce(enterprise.regionCode);
    const { result, inputs } = assess(body.assessment, thresholds, 'assessment');

    const id = randomUUID();
    const now = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new RisksRepository(trx);
      await repo.insert({
        id,
        region_code: enterprise.regionCode,
        enterprise_id: enterprise.id,
        place,
        hazard_factors: hazardFactors,
        accident_types: JSON.stringify(types),
        control_measures: controlMeasures,
        responsible_person: body.responsiblePerson?.trim() || null,
        method: result.method,
        inputs: JSON.stringify(inputs),
        score: result.score,
        level: result.level,
        thresholds_source: thresholds.source,
        assessed_at: now,
        retired_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      await repo.insertAssessment(this.assessmentRow(ctx, id, enterprise.regionCode, result, inputs, thresholds, null, now));
      await this.audit.record(trx, ctx, { action: 'risk_point.create', objectType: 'risk_point', objectId: id, detail: { enterpriseId: enterprise.id, method: result.method, score: result.score, level: result.level } });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, body: UpdateRiskPointBody): Promise<RiskPointDetail> {
    if (body.version === undefined) throw new AppError('version_required');
    const row = await this.writable(ctx, id);
    const errors: FieldError[] = [];
    const changes: Updateable<RiskPointTable> = { updated_at: ctx.now().toISOString() };
    if (body.place !== undefined) changes.place = text(body.place, 'place', errors);
    if (body.hazardFactors !== undefined) changes.hazard_factors = text(body.hazardFactors, 'hazardFactors', errors);
    if (body.controlMeasures !== undefined) changes.control_measures = text(body.controlMeasures, 'controlMeasures', errors);
    if (body.accidentTypes !== undefined) changes.accident_types = JSON.stringify(accidentTypes(body.accidentTypes, errors));
    if (body.responsiblePerson !== undefined) changes.responsible_person = body.responsiblePerson?.trim() || null;
    if (errors.length > 0) throw invalid(...errors);
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new RisksRepository(trx).updateVersioned(id, body.version!, changes)) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'risk_point.update', objectType: 'risk_point', objectId: row.id, detail: { fields: Object.keys(body).filter((k) => k !== 'version') } });
    });
    return this.get(ctx, id);
  }

  /** DELETE retires the point (撤销): it leaves lists and the overview, its level history stays. */
  async retire(ctx: RequestContext, id: string, version: number | undefined): Promise<void> {
    if (version === undefined) throw new AppError('version_required');
    await this.writable(ctx, id);
    const now = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new RisksRepository(trx).updateVersioned(id, version, { retired_at: now, updated_at: now })) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'risk_point.retire', objectType: 'risk_point', objectId: id });
    });
  }

  /** POST /risk-points/:id/assessments: a new assessment under the bands in force becomes the point's level; the old one stays in the history. */
  async assess(ctx: RequestContext, id: string, body: AssessBody): Promise<RiskPointDetail> {
    if (body.version === undefined) throw new AppError('version_required');
    const row = await this.writable(ctx, id);
    const { thresholds } = await this.thresholds.inForce(row.region_code);
    const { version, note, ...input } = body;
    const { result, inputs } = assess(input, thresholds, '');
    const now = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new RisksRepository(trx);
      const changes = { method: result.method, inputs: JSON.stringify(inputs), score: result.score, level: result.level, thresholds_source: thresholds.source, assessed_at: now, updated_at: now };
      if ((await repo.updateVersioned(id, version!, changes)) === 0) throw new AppError('version_conflict');
      await repo.insertAssessment(this.assessmentRow(ctx, id, row.region_code, result, inputs, thresholds, note?.trim() || null, now));
      await this.audit.record(trx, ctx, { action: 'risk_point.assess', objectType: 'risk_point', objectId: id, detail: { method: result.method, score: result.score, level: result.level, previousLevel: row.level } });
    });
    return this.get(ctx, id);
  }

  /** GET /safety/risk-overview: the four colours of a subtree, of each child region and of the most at-risk enterprises. */
  async overview(ctx: RequestContext, query: { regionCode?: string; enterpriseId?: string }): Promise<RiskOverview> {
    const regionCode = query.regionCode ?? defaultOverviewRegion(ctx);
    const grouping = childGrouping(regionCode);
    const filter = { ...scope(ctx), ...(query.enterpriseId !== undefined ? { enterpriseId: query.enterpriseId } : {}) };
    const repo = new RisksRepository(ctx.db);
    const counts = await repo.countsByCommunity(regionCode, filter);
    const empty = (): LevelCounts => ({ red: 0, orange: 0, yellow: 0, blue: 0 });
    const total = empty();
    const byChild = new Map<string, LevelCounts>();
    for (const { region_code, level, n } of counts) {
      if (!RISK_LEVELS.includes(level)) continue;
      const code = grouping.childOf(region_code);
      const entry = byChild.get(code) ?? empty();
      entry[level] += n;
      total[level] += n;
      byChild.set(code, entry);
    }
    const children = (await new RegionsRepository(ctx.db).children(regionCode)).map((region) => ({ regionCode: region.code, name: region.name, ...(byChild.get(region.code) ?? empty()) }));
    const enterprises = (await repo.topEnterprises(regionCode, filter, 20)).map(({ enterprise_id, name, ...levels }) => ({ enterpriseId: enterprise_id, name, ...levels }));
    return { regionCode, total, children, enterprises };
  }

  /** A point in service that the caller may work on; a retired one is gone for writes. */
  private async writable(ctx: RequestContext, id: string): Promise<RiskPointRow> {
    const row = await new RisksRepository(ctx.db).byId(id, scope(ctx));
    if (!row || row.retired_at !== null) throw notFound();
    requireEnterpriseSafetyActor(ctx);
    return row;
  }

  private assessmentRow(ctx: RequestContext, riskPointId: string, regionCode: string, result: RiskAssessment, inputs: Inputs, thresholds: Bands, note: string | null, at: string) {
    return {
      id: randomUUID(),
      risk_point_id: riskPointId,
      region_code: regionCode,
      method: result.method,
      inputs: JSON.stringify(inputs),
      score: result.score,
      level: result.level,
      thresholds: JSON.stringify(thresholds),
      note,
      assessed_at: at,
      assessed_by: ctx.actor?.id ?? null,
      assessed_by_name: ctx.actor?.displayName ?? null,
    };
  }
}
