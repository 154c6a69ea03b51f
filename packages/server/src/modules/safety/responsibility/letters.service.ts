import { randomUUID } from 'node:crypto';
import { checkLetterChange, LETTER_STATUS_LABELS, maskName, tallyLetters, type LetterChange, type LetterChangeRefusal, type LetterStatus } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { LettersRepository, type LetterFilter, type LetterRow } from './letters.repository.js';
import type { CreateLetterBody, Letter, LetterListQuery, LetterStatusBody } from './letters.schema.js';
import { chinaToday, chinaYear, type ResponsibilityUnits } from './responsibility-units.js';

const REFUSALS: Record<Exclude<LetterChangeRefusal, 'already_signed'>, FieldError> = {
  same_status: fieldError('status', 'same_status'),
  signed_on_invalid: fieldError('signedOn', 'invalid'),
  signed_on_outside_year: fieldError('signedOn', 'outside_letter_year'),
  signer_required: fieldError('signer', 'required'),
  reason_required: fieldError('reason', 'required'),
};

export function toLetter(row: LetterRow): Letter {
  return {
    id: row.id,
    regionCode: row.region_code,
    year: row.year,
    unitKind: row.unit_kind,
    unitId: row.unit_id,
    unitName: row.unit_name,
    issuer: row.issuer,
    title: row.title,
    status: row.status,
    statusLabel: { ...LETTER_STATUS_LABELS[row.status] },
    signedOn: row.signed_on,
    signerName: row.signer_name === null ? null : maskName(row.signer_name),
    returnedReason: row.returned_reason,
    statusChangedAt: row.status_changed_at,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The change a status body asks for, in the domain's terms. */
function changeOf(body: LetterStatusBody, errors: FieldError[]): LetterChange {
  if (body.status === 'signed') {
    if (body.signedOn === undefined) errors.push(fieldError('signedOn', 'required'));
    if (body.reason !== undefined) errors.push(fieldError('reason', 'not_allowed'));
    return { to: 'signed', signedOn: body.signedOn ?? '', signer: body.signer ?? '' };
  }
  if (body.signedOn !== undefined) errors.push(fieldError('signedOn', 'not_allowed'));
  if (body.signer !== undefined) errors.push(fieldError('signer', 'not_allowed'));
  if (body.status === 'returned') return { to: 'returned', reason: body.reason ?? '' };
  if (body.reason !== undefined) errors.push(fieldError('reason', 'not_allowed'));
  return { to: 'pending' };
}

/**
 * Yearly responsibility letters (安全生产责任书): issued to a unit, then signed or returned. The
 * list filtered on `unsigned` is the table of units that have not signed the year's letter.
 */
export class LettersService {
  constructor(
    private readonly audit: AuditService,
    private readonly units: ResponsibilityUnits,
  ) {}

  private filterOf(ctx: RequestContext, query: Pick<LetterListQuery, 'year' | 'status' | 'regionCode' | 'unitKind'>): LetterFilter {
    const statuses: LetterStatus[] | undefined = query.status === 'unsigned' ? ['pending', 'returned'] : query.status !== undefined ? [query.status] : undefined;
    return {
      year: query.year ?? chinaYear(ctx.now()),
      ...(statuses ? { statuses } : {}),
      ...(query.regionCode !== undefined ? { regionCode: query.regionCode } : {}),
      ...(query.unitKind !== undefined ? { unitKind: query.unitKind } : {}),
    };
  }

  async list(ctx: RequestContext, query: LetterListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 3) as [string, string, string] | null;
    const rows = await new LettersRepository(ctx.db).list(this.filterOf(ctx, query), { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toLetter), nextCursor: rows.length > limit && last ? encodeCursor([last.region_code, last.unit_name, last.id]) : null };
  }

  async summary(ctx: RequestContext, query: { year?: number }) {
    const filter = this.filterOf(ctx, query);
    const counts = await new LettersRepository(ctx.db).statusCounts(filter);
    return { year: filter.year, ...tallyLetters(counts.flatMap(({ status, n }) => Array<LetterStatus>(n).fill(status))) };
  }

  async get(ctx: RequestContext, id: string): Promise<Letter> {
    const row = await new LettersRepository(ctx.db).byId(id);
    if (!row) throw notFound();
    return toLetter(row);
  }

  async create(ctx: RequestContext, body: CreateLetterBody): Promise<Letter> {
    const errors: FieldError[] = [];
    const unit = await this.units.resolve(ctx, body, errors);
    if (errors.length || !unit) throw invalid(...errors);
    const at = ctx.now().toISOString();
    const row: LetterRow = {
      id: randomUUID(),
      region_code: unit.regionCode,
      year: body.year,
      unit_kind: unit.unitKind,
      unit_id: unit.unitId,
      unit_name: unit.unitName,
      issuer: body.issuer.trim(),
      title: body.title?.trim() || `${body.year}年度安全生产目标责任书`,
      status: 'pending',
      signed_on: null,
      signer_name: null,
      returned_reason: null,
      status_changed_at: null,
      is_demo: 0,
      updated_by: ctx.actor!.username,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await new LettersRepository(trx).insert(row))) throw new AppError('conflict', [fieldError('unitName', 'taken')]);
      await this.audit.record(trx, ctx, { action: 'responsibility_letter.create', objectType: 'responsibility_letter', objectId: row.id, detail: { year: row.year, regionCode: row.region_code, unitKind: row.unit_kind, unitName: row.unit_name } });
    });
    return toLetter(row);
  }

  /** Signed (with the day and who signed), returned (with the reason) or reissued (pending). */
  async changeStatus(ctx: RequestContext, id: string, body: LetterStatusBody): Promise<Letter> {
    if (body.version === undefined) throw new AppError('version_required');
    const row = await new LettersRepository(ctx.db).byId(id);
    if (!row) throw notFound();
    const errors: FieldError[] = [];
    const change = changeOf(body, errors);
    if (errors.length) throw invalid(...errors);
    const now = ctx.now();
    const refusal = checkLetterChange(row.status, change, row.year, chinaToday(now));
    if (refusal === 'already_signed') throw new AppError('letter_already_signed');
    if (refusal !== null) throw invalid(refusal === 'signed_on_invalid' && change.to === 'signed' && change.signedOn > chinaToday(now) ? fieldError('signedOn', 'in_future') : REFUSALS[refusal]);
    const at = now.toISOString();
    const changes = {
      status: change.to,
      signed_on: change.to === 'signed' ? change.signedOn : null,
      signer_name: change.to === 'signed' ? change.signer.trim() : null,
      returned_reason: change.to === 'returned' ? change.reason.trim() : null,
      status_changed_at: at,
      updated_by: ctx.actor!.username,
      updated_at: at,
    };
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new LettersRepository(trx).updateVersioned(id, body.version!, changes)) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'responsibility_letter.status', objectType: 'responsibility_letter', objectId: id, detail: { from: row.status, to: change.to, signedOn: changes.signed_on } });
    });
    return this.get(ctx, id);
  }
}
