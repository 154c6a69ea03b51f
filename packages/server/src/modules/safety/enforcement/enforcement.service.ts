import { randomUUID } from 'node:crypto';
import { checkEnforcementCase, totalFineYuan, type EnforcementProblem, type EnforcementStatus } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound, type FieldError, type FieldErrorCode } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { withEnterpriseNames } from '../enterprises/enterprise-names.repository.js';
import { enterpriseScope } from '../enterprises/enterprises.service.js';
import type { EnterpriseLookup } from '../hazards/enterprise-lookup.js';
import { EnforcementRepository, type EnforcementFilter, type EnforcementRow } from './enforcement.repository.js';
import type { CreateEnforcementBody, EnforcementCase, EnforcementListQuery, Measure, UpdateEnforcementBody } from './enforcement.schema.js';
import type { EnforcementCaseTable } from './enforcement.tables.js';

type StoredMeasure = EnforcementCase['measures'][number];
type StoredViolation = EnforcementCase['violations'][number];

const PROBLEM_CODES: Record<EnforcementProblem['problem'], FieldErrorCode> = {
  required: 'required',
  invalid_date: 'invalid_date',
  ends_before_start: 'ends_before_start',
  not_allowed: 'not_for_measure',
  out_of_range: 'out_of_range',
  status_backwards: 'status_backwards',
};

/** A measure as stored and answered: every field present, null where it does not apply. */
export function normaliseMeasure(measure: Measure): StoredMeasure {
  return {
    kind: measure.kind,
    description: measure.description?.trim() || null,
    deadline: measure.deadline ?? null,
    amountYuan: measure.amountYuan ?? null,
    startsOn: measure.startsOn ?? null,
    endsOn: measure.endsOn ?? null,
  };
}

/** Columns repeated from the measures for lists and sums. */
export function measureColumns(measures: readonly StoredMeasure[]) {
  return {
    measures: JSON.stringify(measures),
    fine_total_yuan: totalFineYuan(measures),
    orders_rectification: measures.some((m) => m.kind === 'order_rectify') ? 1 : 0,
    suspends_production: measures.some((m) => m.kind === 'suspension') ? 1 : 0,
  };
}

function present(row: EnforcementRow): EnforcementCase {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    inspectionId: row.inspection_id,
    hazardIds: JSON.parse(row.hazard_ids) as string[],
    caseNumber: row.case_number,
    status: row.status,
    violations: JSON.parse(row.violations) as StoredViolation[],
    measures: JSON.parse(row.measures) as StoredMeasure[],
    fineTotalYuan: Number(row.fine_total_yuan),
    decidedBy: row.decided_by,
    decidedOn: row.decided_on,
    unitId: row.unit_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function scope(ctx: RequestContext): EnforcementFilter {
  const { onlyId } = enterpriseScope(ctx);
  return onlyId ? { onlyEnterpriseId: onlyId } : {};
}

interface Draft {
  enterpriseId: string;
  inspectionId: string | null;
  hazardIds: string[];
  caseNumber: string | null;
  status: EnforcementStatus;
  violations: StoredViolation[];
  measures: StoredMeasure[];
  decidedBy: string | null;
  decidedOn: string | null;
}

/**
 * Enforcement records (执法): regulators write them, in one transaction with the audit row; the
 * enterprise's own officer reads its cases. The domain says what a case and its measures must hold.
 */
export class EnforcementService {
  constructor(
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseLookup,
  ) {}

  async list(ctx: RequestContext, query: EnforcementListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const filter: EnforcementFilter = {
      ...scope(ctx),
      ...(query.enterpriseId !== undefined ? { enterpriseId: query.enterpriseId } : {}),
      ...(query.regionCode !== undefined ? { regionCode: query.regionCode } : {}),
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.measure !== undefined ? { measure: query.measure } : {}),
    };
    const rows = await new EnforcementRepository(ctx.db).list(filter, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    // The cursor follows the cases read, also when one of them is left out for its enterprise.
    const last = page[page.length - 1];
    const named = await withEnterpriseNames(ctx.db, page);
    return { items: named.map(present), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<EnforcementCase> {
    const row = await new EnforcementRepository(ctx.db).byId(id, scope(ctx));
    if (!row) throw notFound();
    return present(row);
  }

  async create(ctx: RequestContext, body: CreateEnforcementBody): Promise<EnforcementCase> {
    const enterprise = await this.enterprises.find(ctx, body.enterpriseId);
    if (!enterprise) throw invalid(fieldError('enterpriseId', 'invalid'));
    const draft: Draft = {
      enterpriseId: enterprise.id,
      inspectionId: body.inspectionId ?? null,
      hazardIds: body.hazardIds ?? [],
      caseNumber: body.caseNumber?.trim() || null,
      status: body.status ?? 'investigating',
      violations: (body.violations ?? []).map((v) => ({ description: v.description.trim(), legalBasis: v.legalBasis.trim() })),
      measures: (body.measures ?? []).map(normaliseMeasure),
      decidedBy: body.decidedBy?.trim() || null,
      decidedOn: body.decidedOn ?? null,
    };
    const errors = await this.check(ctx, draft, null);
    if (errors.length > 0) throw invalid(...errors);

    const now = ctx.now().toISOString();
    const actor = ctx.actor!;
    const row: EnforcementCaseTable = {
      id: randomUUID(),
      region_code: enterprise.regionCode,
      enterprise_id: enterprise.id,
      ...this.columns(draft),
      unit_id: actor.ground.departmentId ?? null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      await new EnforcementRepository(trx).insert(row);
      await this.audit.record(trx, ctx, { action: 'enforcement.create', objectType: 'enforcement_case', objectId: row.id, detail: { enterpriseId: enterprise.id, status: row.status, caseNumber: row.case_number, fineTotalYuan: row.fine_total_yuan, measures: draft.measures.map((m) => m.kind) } });
    });
    return this.get(ctx, row.id);
  }

  async update(ctx: RequestContext, id: string, body: UpdateEnforcementBody): Promise<EnforcementCase> {
    if (body.version === undefined) throw new AppError('version_required');
    const current = await new EnforcementRepository(ctx.db).byId(id, scope(ctx));
    if (!current) throw notFound();
    if (current.version !== body.version) throw new AppError('version_conflict');
    const stored = present(current);
    const draft: Draft = {
      enterpriseId: current.enterprise_id,
      inspectionId: body.inspectionId !== undefined ? body.inspectionId : stored.inspectionId,
      hazardIds: body.hazardIds ?? stored.hazardIds,
      caseNumber: body.caseNumber !== undefined ? body.caseNumber?.trim() || null : stored.caseNumber,
      status: body.status ?? stored.status,
      violations: body.violations ? body.violations.map((v) => ({ description: v.description.trim(), legalBasis: v.legalBasis.trim() })) : stored.violations,
      measures: body.measures ? body.measures.map(normaliseMeasure) : stored.measures,
      decidedBy: body.decidedBy !== undefined ? body.decidedBy?.trim() || null : stored.decidedBy,
      decidedOn: body.decidedOn !== undefined ? body.decidedOn : stored.decidedOn,
    };
    const errors = await this.check(ctx, draft, current.status);
    if (errors.length > 0) throw invalid(...errors);

    await ctx.db.transaction().execute(async (trx) => {
      if ((await new EnforcementRepository(trx).updateVersioned(id, body.version!, { ...this.columns(draft), updated_at: ctx.now().toISOString() })) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'enforcement.update', objectType: 'enforcement_case', objectId: id, detail: { fields: Object.keys(body).filter((key) => key !== 'version'), from: current.status, to: draft.status, version: body.version } });
    });
    return this.get(ctx, id);
  }

  /** The domain's rules, then the links: the inspection and the hazards must be the same enterprise's. */
  private async check(ctx: RequestContext, draft: Draft, previous: EnforcementStatus | null): Promise<FieldError[]> {
    const errors = checkEnforcementCase(draft, previous).map((problem) => fieldError(problem.field, PROBLEM_CODES[problem.problem]));
    const repo = new EnforcementRepository(ctx.db);
    if (draft.inspectionId !== null) {
      const owner = await repo.inspectionEnterprise(draft.inspectionId);
      if (owner === undefined) errors.push(fieldError('inspectionId', 'invalid'));
      else if (owner !== draft.enterpriseId) errors.push(fieldError('inspectionId', 'not_of_enterprise'));
    }
    const owners = await repo.hazardEnterprises(draft.hazardIds);
    draft.hazardIds.forEach((hazardId, index) => {
      const owner = owners.get(hazardId);
      if (owner === undefined) errors.push(fieldError(`hazardIds.${index}`, 'invalid'));
      else if (owner !== draft.enterpriseId) errors.push(fieldError(`hazardIds.${index}`, 'not_of_enterprise'));
    });
    return errors;
  }

  private columns(draft: Draft) {
    return {
      inspection_id: draft.inspectionId,
      hazard_ids: JSON.stringify(draft.hazardIds),
      case_number: draft.caseNumber,
      status: draft.status,
      violations: JSON.stringify(draft.violations),
      ...measureColumns(draft.measures),
      decided_by: draft.decidedBy,
      decided_on: draft.decidedOn,
    };
  }
}
