import { randomUUID } from 'node:crypto';
import {
  gradeAccident,
  isAccidentType,
  isWithinGround,
  MAX_INVESTIGATION_EXTENSION_DAYS,
  reportingChain,
  supplementaryWindowEndsAt,
} from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { industryByCode } from '../industries/industries.js';
import { chinaDay, dayStart, addDays } from './accidents.period.js';
import { investigationOf, replyOf, reportingOf, toAccident, toRevision } from './accidents.present.js';
import { AccidentsRepository, type AccidentFilter, type AccidentRow } from './accidents.repository.js';
import type {
  AccidentDetail,
  AccidentListQuery,
  CreateAccidentBody,
  InvestigationExtensionBody,
  LevelReportBody,
  ReviseAccidentBody,
} from './accidents.schema.js';
import type { AccidentTable } from './accidents.tables.js';

/** What accidents need from the enterprise register: an enterprise visible in the caller's ground. */
export interface EnterpriseDirectory {
  find(ctx: RequestContext, id: string): Promise<{ id: string; name: string; industryCode: string } | null>;
}

/** An enterprise officer reports and sees only their own enterprise's accidents. */
export function accidentScope(ctx: RequestContext): Pick<AccidentFilter, 'enterpriseId'> {
  const enterpriseId = ctx.actor?.ground.enterpriseId;
  return enterpriseId ? { enterpriseId } : {};
}

/** An instant sent by a client that must lie between `notBefore` (when given) and now. */
function checkInstant(value: string, field: string, now: Date, errors: FieldError[], notBefore?: { at: string; code: 'before_occurrence' | 'out_of_range' }): string {
  const at = new Date(value);
  if (at.getTime() > now.getTime()) errors.push(fieldError(field, 'in_future'));
  else if (notBefore && at.getTime() < new Date(notBefore.at).getTime()) errors.push(fieldError(field, notBefore.code));
  return at.toISOString();
}

function textOrNull(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/**
 * Accident reports (生产安全事故报告): the first report, supplementary reports (续报 / 补报), the
 * report to each regulator level, the investigation deadline and the government's reply. Every
 * write is one transaction with its audit row; reads go through the caller's ground.
 */
export class AccidentsService {
  constructor(
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseDirectory,
  ) {}

  async list(ctx: RequestContext, query: AccidentListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const filter: AccidentFilter = { ...accidentScope(ctx) };
    if (query.regionCode !== undefined) filter.regionCode = query.regionCode;
    if (query.grade !== undefined) filter.grade = query.grade;
    if (query.type !== undefined) filter.type = query.type;
    if (query.from !== undefined) filter.occurredFrom = dayStart(query.from).toISOString();
    if (query.to !== undefined) filter.occurredTo = dayStart(addDays(query.to, 1)).toISOString();
    const repo = new AccidentsRepository(ctx.db);
    const rows = await repo.list(filter, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const first = await repo.firstRevisions(page.map((row) => row.id));
    const names = await this.regionNames(ctx, page.map((row) => row.region_code));
    const last = page[page.length - 1];
    return {
      items: page.map((row) => toAccident(row, first.get(row.id), names.get(row.region_code) ?? null)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.occurred_at, last.id]) : null,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<AccidentDetail> {
    return this.detail(ctx, await this.find(ctx, id));
  }

  async create(ctx: RequestContext, body: CreateAccidentBody): Promise<AccidentDetail> {
    const now = ctx.now();
    const errors: FieldError[] = [];
    const occurredAt = checkInstant(body.occurredAt, 'occurredAt', now, errors);
    const learnedAt = body.learnedAt === undefined ? occurredAt : checkInstant(body.learnedAt, 'learnedAt', now, errors, { at: occurredAt, code: 'before_occurrence' });
    if (!isAccidentType(body.type)) errors.push(fieldError('type', 'unknown_accident_type'));
    await this.checkRegion(ctx, body.regionCode, errors);
    const enterprise = await this.checkEnterprise(ctx, body.enterpriseId ?? null, errors);
    let industryCode = enterprise?.industryCode ?? null;
    if (body.industryCode) {
      const industry = industryByCode(body.industryCode);
      if (industry) industryCode = industry.code;
      else errors.push(fieldError('industryCode', 'unknown_industry'));
    }
    if (errors.length) throw new AppError('validation_failed', errors);

    const measures = { deaths: body.deaths, seriousInjuries: body.seriousInjuries, directLossYuan: body.directLossYuan };
    const grade = gradeAccident(measures);
    const at = now.toISOString();
    const actor = ctx.actor?.username ?? null;
    const row: AccidentTable = {
      id: randomUUID(),
      region_code: body.regionCode,
      occurred_at: occurredAt,
      occurred_on: chinaDay(new Date(occurredAt)),
      learned_at: learnedAt,
      type: body.type,
      context: body.context ?? 'other',
      enterprise_id: enterprise?.id ?? null,
      enterprise_name: enterprise?.name ?? null,
      industry_code: industryCode,
      summary: textOrNull(body.summary),
      reporter: textOrNull(body.reporter),
      deaths: body.deaths,
      serious_injuries: body.seriousInjuries,
      missing: body.missing ?? 0,
      direct_loss_yuan: body.directLossYuan,
      grade,
      revision_count: 1,
      investigation_extension_days: 0,
      investigation_submitted_at: null,
      replied_at: null,
      is_demo: 0,
      created_by: actor,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new AccidentsRepository(trx);
      await repo.insert(row);
      await repo.insertRevision({ id: randomUUID(), accident_id: row.id, region_code: row.region_code, seq: 1, deaths: row.deaths, serious_injuries: row.serious_injuries, missing: row.missing, direct_loss_yuan: row.direct_loss_yuan, grade, reason: null, recorded_by: actor, recorded_at: at });
      await this.audit.record(trx, ctx, {
        action: 'accident.report',
        objectType: 'accident',
        objectId: row.id,
        detail: { regionCode: row.region_code, occurredAt, type: row.type, grade, ...measures, missing: row.missing, enterpriseId: row.enterprise_id },
      });
    });
    return this.get(ctx, row.id);
  }

  /** A supplementary report (续报 / 补报) of changed figures, within the art. 13 window; it may change the grade. */
  async revise(ctx: RequestContext, id: string, body: ReviseAccidentBody): Promise<AccidentDetail> {
    if (body.version === undefined) throw new AppError('version_required');
    const row = await this.find(ctx, id);
    const now = ctx.now();
    if (now.getTime() > supplementaryWindowEndsAt(new Date(row.occurred_at), row.context).getTime()) throw new AppError('supplementary_window_closed');
    const unchanged = body.deaths === row.deaths && body.seriousInjuries === row.serious_injuries && body.missing === row.missing && body.directLossYuan === Number(row.direct_loss_yuan);
    if (unchanged) throw new AppError('validation_failed', [fieldError('deaths', 'no_change')]);
    const grade = gradeAccident({ deaths: body.deaths, seriousInjuries: body.seriousInjuries, directLossYuan: body.directLossYuan });
    const at = now.toISOString();
    const seq = row.revision_count + 1;
    const changes = { deaths: body.deaths, serious_injuries: body.seriousInjuries, missing: body.missing, direct_loss_yuan: body.directLossYuan, grade, revision_count: seq, updated_at: at };
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new AccidentsRepository(trx);
      if ((await repo.updateVersioned(id, body.version!, changes)) === 0) throw new AppError('version_conflict');
      await repo.insertRevision({ id: randomUUID(), accident_id: id, region_code: row.region_code, seq, deaths: body.deaths, serious_injuries: body.seriousInjuries, missing: body.missing, direct_loss_yuan: body.directLossYuan, grade, reason: body.reason.trim(), recorded_by: ctx.actor?.username ?? null, recorded_at: at });
      await this.audit.record(trx, ctx, {
        action: 'accident.revise',
        objectType: 'accident',
        objectId: id,
        detail: { seq, fromGrade: row.grade, grade, deaths: body.deaths, seriousInjuries: body.seriousInjuries, missing: body.missing, directLossYuan: body.directLossYuan },
      });
    });
    return this.get(ctx, id);
  }

  /** Records when a regulator level received the report; only levels the current grade requires (art. 10). */
  async reportToLevel(ctx: RequestContext, id: string, body: LevelReportBody): Promise<AccidentDetail> {
    const row = await this.find(ctx, id);
    const now = ctx.now();
    const errors: FieldError[] = [];
    if (!reportingChain(row.grade).includes(body.level)) errors.push(fieldError('level', 'not_in_reporting_chain'));
    const reportedAt = checkInstant(body.reportedAt, 'reportedAt', now, errors, { at: row.occurred_at, code: 'before_occurrence' });
    if (errors.length) throw new AppError('validation_failed', errors);
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new AccidentsRepository(trx);
      const inserted = await repo.insertLevelReport({ id: randomUUID(), accident_id: id, region_code: row.region_code, level: body.level, reported_at: reportedAt, recorded_by: ctx.actor?.username ?? null, recorded_at: now.toISOString() });
      if (!inserted) throw new AppError('conflict', [fieldError('level', 'taken')]);
      // The lateness as the clock judged it when recorded, so the trail shows late reports as late.
      const status = reportingOf(row, await repo.levelReports([id]), now).levels.find((level) => level.level === body.level)?.status;
      await this.audit.record(trx, ctx, { action: 'accident.level_report', objectType: 'accident', objectId: id, detail: { level: body.level, reportedAt, status } });
    });
    return this.get(ctx, id);
  }

  /** Art. 29: the investigation deadline extended with the approving government's consent, at most 60 days in all. */
  async extendInvestigation(ctx: RequestContext, id: string, body: InvestigationExtensionBody): Promise<AccidentDetail> {
    const row = await this.find(ctx, id);
    if (row.investigation_submitted_at !== null) throw new AppError('conflict');
    if (row.investigation_extension_days + body.days > MAX_INVESTIGATION_EXTENSION_DAYS) throw new AppError('validation_failed', [fieldError('days', 'out_of_range')]);
    const at = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new AccidentsRepository(trx);
      if ((await repo.addExtensionDays(id, body.days, MAX_INVESTIGATION_EXTENSION_DAYS, at)) === 0) throw new AppError('version_conflict');
      await repo.insertExtension({ id: randomUUID(), accident_id: id, region_code: row.region_code, days: body.days, approved_by: body.approvedBy.trim(), reason: body.reason.trim(), recorded_by: ctx.actor?.username ?? null, recorded_at: at });
      await this.audit.record(trx, ctx, { action: 'accident.investigation_extend', objectType: 'accident', objectId: id, detail: { days: body.days, totalDays: row.investigation_extension_days + body.days, approvedBy: body.approvedBy.trim() } });
    });
    return this.get(ctx, id);
  }

  async submitInvestigation(ctx: RequestContext, id: string, submittedAt: string): Promise<AccidentDetail> {
    const row = await this.find(ctx, id);
    const now = ctx.now();
    const errors: FieldError[] = [];
    const at = checkInstant(submittedAt, 'submittedAt', now, errors, { at: row.occurred_at, code: 'before_occurrence' });
    if (errors.length) throw new AppError('validation_failed', errors);
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new AccidentsRepository(trx).markInvestigationSubmitted(id, at, now.toISOString())) === 0) throw new AppError('conflict');
      await this.audit.record(trx, ctx, { action: 'accident.investigation_submit', objectType: 'accident', objectId: id, detail: { submittedAt: at } });
    });
    return this.get(ctx, id);
  }

  async recordReply(ctx: RequestContext, id: string, repliedAt: string): Promise<AccidentDetail> {
    const row = await this.find(ctx, id);
    if (row.investigation_submitted_at === null) throw new AppError('conflict');
    const now = ctx.now();
    const errors: FieldError[] = [];
    const at = checkInstant(repliedAt, 'repliedAt', now, errors, { at: row.investigation_submitted_at, code: 'out_of_range' });
    if (errors.length) throw new AppError('validation_failed', errors);
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new AccidentsRepository(trx).markReplied(id, at, now.toISOString())) === 0) throw new AppError('conflict');
      await this.audit.record(trx, ctx, { action: 'accident.reply', objectType: 'accident', objectId: id, detail: { repliedAt: at } });
    });
    return this.get(ctx, id);
  }

  private async find(ctx: RequestContext, id: string): Promise<AccidentRow> {
    const row = await new AccidentsRepository(ctx.db).byId(id, accidentScope(ctx));
    if (!row) throw notFound();
    return row;
  }

  private async detail(ctx: RequestContext, row: AccidentRow): Promise<AccidentDetail> {
    const repo = new AccidentsRepository(ctx.db);
    const now = ctx.now();
    const [revisions, reports, extensions, names] = await Promise.all([
      repo.revisionsOf(row.id),
      repo.levelReports([row.id]),
      repo.extensionsOf(row.id),
      this.regionNames(ctx, [row.region_code]),
    ]);
    return {
      ...toAccident(row, revisions[0], names.get(row.region_code) ?? null),
      now: now.toISOString(),
      reporting: reportingOf(row, reports, now),
      supplementaryWindowOpen: now.getTime() <= supplementaryWindowEndsAt(new Date(row.occurred_at), row.context).getTime(),
      revisions: revisions.map(toRevision),
      investigation: investigationOf(row, extensions, now),
      reply: replyOf(row, now),
    };
  }

  /** Each code's place from the county level down, e.g. 海州区 洪门街道 红旗社区居委会. */
  private async regionNames(ctx: RequestContext, codes: readonly string[]): Promise<Map<string, string>> {
    const lineage = (code: string) => [code.slice(0, 6), code.slice(0, 9), code].filter((c, i, all) => c.length >= 6 && all.indexOf(c) === i);
    const regions = await new RegionsRepository(ctx.db).byCodes([...new Set(codes.flatMap(lineage))]);
    const names = new Map(regions.map((region) => [region.code, region.name]));
    const places = codes.map((code) => [code, lineage(code).flatMap((c) => names.get(c) ?? []).join(' ')] as const);
    return new Map(places.filter(([, place]) => place !== ''));
  }

  /** Any level of the region tree, inside the caller's ground; a code outside it is not even looked up. */
  private async checkRegion(ctx: RequestContext, code: string, errors: FieldError[]): Promise<void> {
    if (!isWithinGround(code, ctx.actor!.ground)) {
      errors.push(fieldError('regionCode', 'outside_ground'));
      return;
    }
    if (!(await new RegionsRepository(ctx.db).byCode(code))) errors.push(fieldError('regionCode', 'unknown_region'));
  }

  private async checkEnterprise(ctx: RequestContext, id: string | null, errors: FieldError[]) {
    const own = ctx.actor?.ground.enterpriseId ?? null;
    const wanted = id ?? own;
    if (wanted === null) return null;
    if (own !== null && wanted !== own) {
      errors.push(fieldError('enterpriseId', 'outside_ground'));
      return null;
    }
    const enterprise = await this.enterprises.find(ctx, wanted);
    if (!enterprise) errors.push(fieldError('enterpriseId', 'invalid'));
    return enterprise;
  }
}
