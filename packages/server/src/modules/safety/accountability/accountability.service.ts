import { randomUUID } from 'node:crypto';
import {
  accountabilityMeasure,
  ACCOUNTABILITY_STATUS_LABELS,
  ACCOUNTABILITY_TRIGGER_LABELS,
  checkAccountabilityDecision,
  maskName,
  nextAccountabilityStatuses,
  type AccountabilityMeasureCode,
  type AccountabilityStatus,
} from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { chinaToday } from '../responsibility/responsibility-units.js';
import { AccountabilityRepository, type RecordRow } from './accountability.repository.js';
import type { AccountabilityRecord, AccountabilityRecordDetail, CreateRecordBody, EvidencePack, RecordListQuery, UpdateRecordBody } from './accountability.schema.js';
import type { AccountabilityTriggers } from './accountability.triggers.js';

const textOrNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

export function toRecord(row: RecordRow): AccountabilityRecord {
  const measure = row.measure === null ? undefined : accountabilityMeasure(row.measure);
  return {
    id: row.id,
    regionCode: row.region_code,
    subjectKind: row.subject_kind,
    subjectName: row.subject_kind === 'person' ? maskName(row.subject_name) : row.subject_name,
    subjectPost: row.subject_post,
    subjectUnit: row.subject_unit,
    triggerKind: row.trigger_kind,
    triggerKindLabel: { ...ACCOUNTABILITY_TRIGGER_LABELS[row.trigger_kind] },
    triggerId: row.trigger_id,
    triggerPart: row.trigger_part,
    triggerSummary: row.trigger_summary,
    facts: row.facts,
    measure: (row.measure as AccountabilityMeasureCode | null) ?? null,
    measureLabel: measure ? { ...measure.label } : null,
    decidedBy: row.decided_by,
    decidedOn: row.decided_on,
    status: row.status,
    statusLabel: { ...ACCOUNTABILITY_STATUS_LABELS[row.status] },
    statusNote: row.status_note,
    nextStatuses: [...nextAccountabilityStatuses(row.status)],
    isDemo: row.is_demo === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function decisionErrors(decision: Parameters<typeof checkAccountabilityDecision>[0], today: string): FieldError[] {
  return checkAccountabilityDecision(decision, today).map((problem) => fieldError(problem.field, problem.code));
}

/**
 * Accountability records (问责记录). A record is made by a person — from a candidate in one step or
 * for any other matter — with the trigger's evidence pack as it stood; the decision then moves it
 * on (investigating → decided or dismissed → executed or revoked).
 */
export class AccountabilityService {
  constructor(
    private readonly audit: AuditService,
    private readonly triggers: AccountabilityTriggers,
  ) {}

  async list(ctx: RequestContext, query: RecordListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const filter = {
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.triggerKind !== undefined ? { triggerKind: query.triggerKind } : {}),
      ...(query.regionCode !== undefined ? { regionCode: query.regionCode } : {}),
    };
    const rows = await new AccountabilityRepository(ctx.db).list(filter, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toRecord), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<AccountabilityRecordDetail> {
    const row = await new AccountabilityRepository(ctx.db).byId(id);
    if (!row) throw notFound();
    return { ...toRecord(row), evidence: JSON.parse(row.evidence) as EvidencePack };
  }

  /** The row a create would write: the body checked, the trigger found in the caller's ground and its evidence taken. */
  async prepare(ctx: RequestContext, body: CreateRecordBody): Promise<RecordRow> {
    const now = ctx.now();
    const errors: FieldError[] = [];
    const subjectName = body.subjectName.trim();
    const facts = body.facts.trim();
    if (Array.from(subjectName).length < 2) errors.push(fieldError('subjectName', 'too_short'));
    if (facts === '') errors.push(fieldError('facts', 'required'));
    const decision = { status: body.status, subjectKind: body.subjectKind, measure: body.measure ?? null, decidedBy: textOrNull(body.decidedBy), decidedOn: body.decidedOn ?? null };
    errors.push(...decisionErrors(decision, chinaToday(now)));
    if (errors.length) throw invalid(...errors);
    const trigger = await this.triggers.resolve(ctx, { kind: body.triggerKind, id: body.triggerId, part: body.triggerPart, regionCode: body.regionCode });
    const at = now.toISOString();
    const row: RecordRow = {
      id: randomUUID(),
      region_code: trigger.regionCode,
      subject_kind: body.subjectKind,
      subject_name: subjectName,
      subject_post: textOrNull(body.subjectPost),
      subject_unit: textOrNull(body.subjectUnit),
      trigger_kind: body.triggerKind,
      trigger_id: body.triggerId ?? null,
      trigger_part: body.triggerPart ?? null,
      trigger_key: trigger.key,
      trigger_summary: trigger.summary,
      evidence: JSON.stringify(trigger.evidence),
      facts,
      measure: decision.measure,
      decided_by: decision.decidedBy,
      decided_on: decision.decidedOn,
      status: body.status,
      status_note: textOrNull(body.statusNote),
      is_demo: 0,
      created_by: ctx.actor!.username,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    return row;
  }

  async create(ctx: RequestContext, body: CreateRecordBody): Promise<AccountabilityRecordDetail> {
    const row = await this.prepare(ctx, body);
    await ctx.db.transaction().execute(async (trx) => {
      await new AccountabilityRepository(trx).insert(row);
      // The subject's name stays out of the trail: the record holds it.
      await this.audit.record(trx, ctx, {
        action: 'accountability.create',
        objectType: 'accountability_record',
        objectId: row.id,
        detail: { regionCode: row.region_code, triggerKind: row.trigger_kind, triggerId: row.trigger_id, triggerPart: row.trigger_part, subjectKind: row.subject_kind, status: row.status, measure: row.measure },
      });
    });
    return this.get(ctx, row.id);
  }

  /** A step of the decision (a status in `nextStatuses`), with the fields it needs, or a correction of the facts. */
  async update(ctx: RequestContext, id: string, body: UpdateRecordBody): Promise<AccountabilityRecordDetail> {
    if (body.version === undefined) throw new AppError('version_required');
    const row = await new AccountabilityRepository(ctx.db).byId(id);
    if (!row) throw notFound();
    const status: AccountabilityStatus = body.status ?? row.status;
    if (body.status !== undefined && !nextAccountabilityStatuses(row.status).includes(body.status)) throw new AppError('accountability_status_refused');
    const decision = {
      status,
      subjectKind: row.subject_kind,
      measure: body.measure === undefined ? row.measure : body.measure,
      decidedBy: body.decidedBy === undefined ? row.decided_by : textOrNull(body.decidedBy),
      decidedOn: body.decidedOn === undefined ? row.decided_on : body.decidedOn,
    };
    const errors = decisionErrors(decision, chinaToday(ctx.now()));
    const statusNote = body.statusNote === undefined ? row.status_note : textOrNull(body.statusNote);
    if (body.status === 'revoked' && textOrNull(body.statusNote) === null) errors.push(fieldError('statusNote', 'required'));
    if (body.facts !== undefined && body.facts.trim() === '') errors.push(fieldError('facts', 'required'));
    if (errors.length) throw invalid(...errors);
    const changes = {
      status,
      measure: decision.measure,
      decided_by: decision.decidedBy,
      decided_on: decision.decidedOn,
      status_note: statusNote,
      ...(body.facts !== undefined ? { facts: body.facts.trim() } : {}),
      updated_at: ctx.now().toISOString(),
    };
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new AccountabilityRepository(trx).updateVersioned(id, body.version!, changes)) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'accountability.update', objectType: 'accountability_record', objectId: id, detail: { from: row.status, to: status, measure: decision.measure, fields: Object.keys(body).filter((key) => key !== 'version') } });
    });
    return this.get(ctx, id);
  }
}
