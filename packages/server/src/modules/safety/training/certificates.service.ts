import { randomUUID } from 'node:crypto';
import {
  CERTIFICATE_ALERT_WINDOW_DAYS,
  certificateDueOn,
  certificateStanding,
  chinaDateOf,
  checkCertificateDates,
  defaultCertificateDates,
  dueOnRangeFor,
  reviewDueAfter,
  validateResidentId,
  type CertificateDateProblem,
  type CertificateKind,
} from '@shoutu/domain';
import type { Updateable } from 'kysely';
import { isUniqueViolation } from '../../../db/errors.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, forbidden, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { UnitsService } from '../../units/units.service.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import type { CertificateHolders } from './certificate-holders.js';
import { CertificatesRepository, type CertificateFilter, type CertificateRow } from './certificates.repository.js';
import type { Certificate, CertificateAlerts, CertificateListQuery, CreateCertificateBody, UpdateCertificateBody } from './certificates.schema.js';
import { ownEnterpriseOf } from './training.policy.js';
import type { TrainingCertificateTable } from './training.tables.js';
import { chinaDayStart } from './training.time.js';

const DATE_PROBLEM_CODES = { invalid_date: 'invalid', in_future: 'in_future', not_after_issue: 'not_after_issue', not_before_expiry: 'not_before_expiry' } as const;

function dateErrors(problems: readonly CertificateDateProblem[]): FieldError[] {
  return problems.map((p) => fieldError(p.field, DATE_PROBLEM_CODES[p.problem]));
}

const isDay = (text: string) => chinaDayStart(text) !== null;

function textOrNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function certificateScope(ctx: RequestContext): Pick<CertificateFilter, 'onlyEnterpriseId'> {
  const own = ownEnterpriseOf(ctx.actor!);
  return own ? { onlyEnterpriseId: own } : {};
}

/**
 * Safety certificates (持证管理) of principals, safety managers and special-operation workers,
 * with their standing today by the domain's rule: valid, expiring within 90 days, or expired. The
 * alert is computed when read, so it is never stale. Each write is one transaction with its audit
 * row, which names the certificate, never the holder's identifiers.
 */
export class CertificatesService {
  constructor(
    private readonly audit: AuditService,
    private readonly holders: CertificateHolders,
    private readonly enterprises: EnterprisesService,
    private readonly units: UnitsService,
  ) {}

  present(row: CertificateRow, today: string): Certificate {
    const standing = certificateStanding({ expiresOn: row.expires_on, reviewDueOn: row.review_due_on }, today);
    return {
      id: row.id,
      kind: row.kind,
      ownerKind: row.owner_kind,
      enterpriseId: row.enterprise_id,
      unitId: row.unit_id,
      ownerName: row.owner_name,
      regionCode: row.region_code,
      ...this.holders.masked(row),
      operationType: row.operation_type === '' ? null : row.operation_type,
      issuingAuthority: row.issuing_authority,
      issuedOn: row.issued_on,
      expiresOn: row.expires_on,
      reviewDueOn: row.review_due_on,
      lastReviewedOn: row.last_reviewed_on,
      dueOn: standing.dueOn,
      due: standing.due,
      status: standing.status,
      daysLeft: standing.daysLeft,
      isDemo: row.is_demo === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    };
  }

  async list(ctx: RequestContext, query: CertificateListQuery) {
    const today = chinaDateOf(ctx.now());
    const range = query.status ? dueOnRangeFor(query.status, today) : null;
    const filter: CertificateFilter = {
      ...certificateScope(ctx),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.enterpriseId ? { enterpriseId: query.enterpriseId } : {}),
      ...(query.unitId ? { unitId: query.unitId } : {}),
      ...(query.regionCode ? { regionCode: query.regionCode } : {}),
      ...(range ? { dueFrom: range.from, dueTo: range.to } : {}),
    };
    return this.page(ctx, filter, query, today);
  }

  /** GET /training/certificates/alerts: counts of expiring and expired, and those certificates, earliest due first. */
  async alerts(ctx: RequestContext, query: { limit?: number; cursor?: string }): Promise<CertificateAlerts> {
    const today = chinaDateOf(ctx.now());
    const repo = new CertificatesRepository(ctx.db);
    const scope = certificateScope(ctx);
    const expiring = dueOnRangeFor('expiring', today);
    const expired = dueOnRangeFor('expired', today);
    const page = await this.page(ctx, { ...scope, dueTo: expiring.to }, query, today);
    return {
      today,
      windowDays: CERTIFICATE_ALERT_WINDOW_DAYS,
      expiring: await repo.count({ ...scope, dueFrom: expiring.from, dueTo: expiring.to }),
      expired: await repo.count({ ...scope, dueTo: expired.to }),
      ...page,
    };
  }

  private async page(ctx: RequestContext, filter: CertificateFilter, query: { limit?: number; cursor?: string }, today: string) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await new CertificatesRepository(ctx.db).list(filter, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map((row) => this.present(row, today)), nextCursor: rows.length > limit && last ? encodeCursor([last.due_on, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<Certificate> {
    const row = await new CertificatesRepository(ctx.db).byId(id, certificateScope(ctx));
    if (!row) throw notFound();
    return this.present(row, chinaDateOf(ctx.now()));
  }

  /** POST /training/certificates/search: a holder's certificates by exact ID number, matched by keyed hash (decision 0009). */
  async search(ctx: RequestContext, idNumber: string): Promise<{ items: Certificate[] }> {
    const id = validateResidentId(idNumber, ctx.now());
    if (!id.ok) throw invalid(fieldError('idNumber', 'invalid'));
    const rows = await new CertificatesRepository(ctx.db).list({ ...certificateScope(ctx), holderIdHash: this.holders.idHash(id.value) }, { limit: 200 });
    const today = chinaDateOf(ctx.now());
    return { items: rows.map((row) => this.present(row, today)) };
  }

  async create(ctx: RequestContext, body: CreateCertificateBody): Promise<Certificate> {
    const errors: FieldError[] = [];
    const owner = await this.owner(ctx, body, errors);
    const holderName = checkName(body.holderName, errors);
    const holderId = validateResidentId(body.holderIdNumber, ctx.now());
    if (!holderId.ok) errors.push(fieldError('holderIdNumber', 'invalid'));
    const operationType = checkOperationType(body.kind, body.operationType, errors);
    const today = chinaDateOf(ctx.now());
    const dates = isDay(body.issuedOn) ? datesFor(body.kind, body.issuedOn, body.expiresOn, body.reviewDueOn) : null;
    if (dates === null) errors.push(fieldError(isDay(body.issuedOn) ? 'expiresOn' : 'issuedOn', isDay(body.issuedOn) ? 'required' : 'invalid'));
    else errors.push(...dateErrors(checkCertificateDates({ issuedOn: body.issuedOn, ...dates }, today)));
    if (errors.length || !owner || !holderId.ok || !dates) throw invalid(...errors);
    const now = ctx.now().toISOString();
    const row: TrainingCertificateTable = {
      id: randomUUID(),
      region_code: owner.regionCode,
      owner_kind: owner.kind,
      owner_id: owner.id,
      enterprise_id: owner.kind === 'enterprise' ? owner.id : null,
      unit_id: owner.kind === 'unit' ? owner.id : null,
      kind: body.kind,
      operation_type: operationType,
      ...this.holders.seal(holderName, holderId.value),
      certificate_no_enc: this.holders.sealCertificateNo(textOrNull(body.certificateNo)),
      issuing_authority: textOrNull(body.issuingAuthority),
      issued_on: body.issuedOn,
      expires_on: dates.expiresOn,
      review_due_on: dates.reviewDueOn,
      last_reviewed_on: null,
      due_on: certificateDueOn(dates).dueOn,
      is_demo: 0,
      created_by: ctx.actor!.id,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await new CertificatesRepository(trx).insert(row);
        await this.audit.record(trx, ctx, { action: 'training.certificate.create', objectType: 'training_certificate', objectId: row.id, detail: { kind: row.kind, ownerKind: row.owner_kind, ownerId: row.owner_id, expiresOn: row.expires_on, reviewDueOn: row.review_due_on } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', [fieldError('holderIdNumber', 'certificate_registered')]);
      throw error;
    }
    return this.get(ctx, row.id);
  }

  async update(ctx: RequestContext, id: string, body: UpdateCertificateBody): Promise<Certificate> {
    if (body.version === undefined) throw new AppError('version_required');
    const current = await new CertificatesRepository(ctx.db).byId(id, certificateScope(ctx));
    if (!current) throw notFound();
    const errors: FieldError[] = [];
    const changes: Updateable<TrainingCertificateTable> = {};
    const today = chinaDateOf(ctx.now());
    if (body.holderName !== undefined) changes.holder_name_enc = this.holders.sealName(checkName(body.holderName, errors));
    if (body.holderIdNumber !== undefined) {
      const holderId = validateResidentId(body.holderIdNumber, ctx.now());
      if (holderId.ok) Object.assign(changes, this.holders.sealId(holderId.value));
      else errors.push(fieldError('holderIdNumber', 'invalid'));
    }
    if (body.certificateNo !== undefined) changes.certificate_no_enc = this.holders.sealCertificateNo(textOrNull(body.certificateNo));
    if (body.operationType !== undefined) changes.operation_type = checkOperationType(current.kind, body.operationType, errors);
    if (body.issuingAuthority !== undefined) changes.issuing_authority = textOrNull(body.issuingAuthority);
    const issuedOn = body.issuedOn ?? current.issued_on;
    const expiresOn = body.expiresOn ?? current.expires_on;
    let reviewDueOn = body.reviewDueOn !== undefined ? body.reviewDueOn : current.review_due_on;
    if (body.reviewedOn !== undefined) {
      if (!isDay(body.reviewedOn)) errors.push(fieldError('reviewedOn', 'invalid'));
      else if (body.reviewedOn > today) errors.push(fieldError('reviewedOn', 'in_future'));
      else if (body.reviewedOn < issuedOn) errors.push(fieldError('reviewedOn', 'out_of_range'));
      else {
        changes.last_reviewed_on = body.reviewedOn;
        if (body.reviewDueOn === undefined && isDay(issuedOn) && isDay(expiresOn)) reviewDueOn = reviewDueAfter(current.kind, issuedOn, body.reviewedOn, expiresOn);
      }
    }
    const dates = { expiresOn, reviewDueOn };
    errors.push(...dateErrors(checkCertificateDates({ issuedOn, ...dates }, today)));
    if (errors.length) throw invalid(...errors);
    Object.assign(changes, { issued_on: issuedOn, expires_on: expiresOn, review_due_on: reviewDueOn, due_on: certificateDueOn(dates).dueOn });
    if (current.version !== body.version) throw new AppError('version_conflict');
    try {
      await ctx.db.transaction().execute(async (trx) => {
        if ((await new CertificatesRepository(trx).updateVersioned(id, body.version!, { ...changes, updated_at: ctx.now().toISOString() })) === 0) throw new AppError('version_conflict');
        const fields = Object.keys(body).filter((key) => key !== 'version');
        await this.audit.record(trx, ctx, { action: 'training.certificate.update', objectType: 'training_certificate', objectId: id, detail: { fields, expiresOn, reviewDueOn, version: body.version! + 1 } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', [fieldError('holderIdNumber', 'certificate_registered')]);
      throw error;
    }
    return this.get(ctx, id);
  }

  /** The enterprise or unit the certificate is kept for, found within the caller's ground. */
  private async owner(ctx: RequestContext, body: CreateCertificateBody, errors: FieldError[]): Promise<{ kind: 'enterprise' | 'unit'; id: string; regionCode: string } | null> {
    const own = ownEnterpriseOf(ctx.actor!);
    if (own !== null && body.unitId !== undefined) throw forbidden();
    const enterpriseId = body.enterpriseId ?? own ?? undefined;
    if (enterpriseId !== undefined && body.unitId !== undefined) {
      errors.push(fieldError('unitId', 'invalid'));
      return null;
    }
    if (enterpriseId !== undefined) {
      const enterprise = await this.find(() => this.enterprises.get(ctx, enterpriseId));
      if (!enterprise) errors.push(fieldError('enterpriseId', 'invalid'));
      return enterprise ? { kind: 'enterprise', id: enterprise.id, regionCode: enterprise.regionCode } : null;
    }
    if (body.unitId !== undefined) {
      const unitId = body.unitId;
      const unit = await this.find(() => this.units.get(ctx, unitId));
      if (!unit) errors.push(fieldError('unitId', 'invalid'));
      return unit ? { kind: 'unit', id: unit.id, regionCode: unit.regionCode } : null;
    }
    errors.push(fieldError('enterpriseId', 'required'));
    return null;
  }

  private async find<T>(get: () => Promise<T>): Promise<T | null> {
    try {
      return await get();
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    }
  }
}

function checkName(name: string, errors: FieldError[]): string {
  const trimmed = name.trim();
  if (trimmed === '') errors.push(fieldError('holderName', 'required'));
  return trimmed;
}

/** A special-operation certificate names its 作业类别; the others may name the post. */
function checkOperationType(kind: CertificateKind, value: string | null | undefined, errors: FieldError[]): string {
  const text = value?.trim() ?? '';
  if (kind === 'special_operation' && text === '') errors.push(fieldError('operationType', 'required'));
  return text;
}

/** Expiry and review as given, or by the rule in force on the issue day; null when there is neither. */
function datesFor(kind: CertificateKind, issuedOn: string, expiresOn: string | undefined, reviewDueOn: string | null | undefined) {
  const byRule = defaultCertificateDates(kind, issuedOn);
  const expires = expiresOn ?? byRule?.expiresOn;
  if (expires === undefined) return null;
  if (reviewDueOn !== undefined) return { expiresOn: expires, reviewDueOn };
  return { expiresOn: expires, reviewDueOn: isDay(expires) ? reviewDueAfter(kind, issuedOn, issuedOn, expires) : null };
}
