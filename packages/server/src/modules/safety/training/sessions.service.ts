import { randomUUID } from 'node:crypto';
import { attendanceStatus, isWithinGround } from '@shoutu/domain';
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { CoursesRepository } from './courses.repository.js';
import { rosterOf, type RosterMember } from './session-roster.js';
import { SessionsRepository, type SessionFilter, type SessionRow } from './sessions.repository.js';
import type { CreateSessionBody, SessionDetail, SessionListQuery, UpdateSessionBody } from './sessions.schema.js';
import { EMPTY_TALLY, presentAttendee, presentMyAttendance, presentSession, talliesOf, type SessionNames } from './sessions.present.js';
import { TrainingDirectoryRepository } from './training-directory.repository.js';
import { homeRegionOf, mayOrganise, ownEnterpriseOf } from './training.policy.js';
import type { SessionTargets, TrainingAttendanceTable, TrainingSessionTable } from './training.tables.js';
import { chinaDayStart, parseInstant } from './training.time.js';

/** An enterprise officer sees only the sessions they are on the roster of. */
export function sessionScope(ctx: RequestContext): Pick<SessionFilter, 'onlyAttendeeId'> {
  return ownEnterpriseOf(ctx.actor!) !== null ? { onlyAttendeeId: ctx.actor!.id } : {};
}

/** `from` and `to` (days in China, both included) as bounds on the start instant. */
export function periodFilter(query: { from?: string; to?: string }): Pick<SessionFilter, 'startsFrom' | 'startsBefore'> {
  const errors: FieldError[] = [];
  const from = query.from === undefined ? undefined : chinaDayStart(query.from);
  const before = query.to === undefined ? undefined : chinaDayStart(query.to, 1);
  if (from === null) errors.push(fieldError('from', 'invalid'));
  if (before === null) errors.push(fieldError('to', 'invalid'));
  if (errors.length) throw invalid(...errors);
  return { ...(from ? { startsFrom: from } : {}), ...(before ? { startsBefore: before } : {}) };
}

function attendanceRows(sessionId: string, members: readonly RosterMember[], requiredMinutes: number, now: string): Insertable<TrainingAttendanceTable>[] {
  return members.map((member) => ({
    id: randomUUID(),
    session_id: sessionId,
    region_code: member.regionCode,
    user_id: member.userId,
    group_kind: member.groupKind,
    group_id: member.groupId,
    watched_minutes: 0,
    status: attendanceStatus(0, requiredMinutes),
    attended_at: null,
    recorded_by: null,
    recorded_at: null,
    created_at: now,
    version: 1,
  }));
}

/**
 * Training sessions (培训场次): organised for a region by an organiser, with a roster drawn from
 * their ground. Reads within the ground show the roster; someone on the roster from outside it
 * sees the session and their own record only (decision 0016). Each write is one transaction with
 * the session, its roster rows and the audit row.
 */
export class SessionsService {
  /** `systemDb` reads what the caller's own account id selects: their invitations above their ground. */
  constructor(
    private readonly audit: AuditService,
    private readonly systemDb: Kysely<Database>,
  ) {}

  async names(db: Kysely<Database>, rows: readonly SessionRow[]): Promise<Map<string, SessionNames>> {
    const directory = new TrainingDirectoryRepository(db);
    const units = await directory.names('unit', rows.flatMap((row) => (row.organiser_unit_id ? [row.organiser_unit_id] : [])));
    const regions = await directory.names('region', rows.map((row) => row.region_code));
    return new Map(rows.map((row) => [row.id, { organiser: (row.organiser_unit_id && units.get(row.organiser_unit_id)) || regions.get(row.region_code) || null, region: regions.get(row.region_code) ?? null }]));
  }

  async list(ctx: RequestContext, query: SessionListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const repo = new SessionsRepository(ctx.db);
    const rows = await repo.list({ ...sessionScope(ctx), ...periodFilter(query), ...(query.courseId ? { courseId: query.courseId } : {}) }, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const tallies = talliesOf(await repo.statusCounts(page.map((row) => row.id)));
    const names = await this.names(ctx.db, page);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => presentSession(row, names.get(row.id)!, tallies.get(row.id) ?? EMPTY_TALLY)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.starts_at, last.id]) : null,
    };
  }

  async get(ctx: RequestContext, id: string): Promise<SessionDetail> {
    const actor = ctx.actor!;
    const repo = new SessionsRepository(ctx.db);
    const row = await repo.byId(id);
    const scope = sessionScope(ctx);
    if (row && (scope.onlyAttendeeId === undefined || (await repo.attendance(id, actor.id)))) return this.organiserView(ctx, row);
    return this.inviteeView(ctx, id);
  }

  private async organiserView(ctx: RequestContext, row: SessionRow): Promise<SessionDetail> {
    const actor = ctx.actor!;
    const repo = new SessionsRepository(ctx.db);
    const roster = await repo.roster(row.id);
    const directory = new TrainingDirectoryRepository(ctx.db);
    const groupNames = new Map<string, string>();
    for (const kind of ['unit', 'enterprise', 'region'] as const) {
      for (const [id, name] of await directory.names(kind, roster.filter((r) => r.group_kind === kind).map((r) => r.group_id))) groupNames.set(`${kind}:${id}`, name);
    }
    const targets = JSON.parse(row.targets) as SessionTargets;
    const unitNames = await directory.names('unit', targets.unitIds);
    const accountNames = await directory.displayNames(targets.userIds);
    const mine = roster.find((r) => r.user_id === actor.id);
    const tally = talliesOf(roster.map((r) => ({ key: row.id, status: r.status, n: 1 }))).get(row.id) ?? EMPTY_TALLY;
    const session = presentSession(row, (await this.names(ctx.db, [row])).get(row.id)!, tally);
    return {
      ...session,
      targets: {
        units: targets.unitIds.map((id) => ({ id, name: unitNames.get(id) ?? null })),
        accounts: targets.userIds.map((id) => ({ id, displayName: accountNames.get(id) ?? null })),
      },
      roster: roster.map((r) => presentAttendee(r, groupNames.get(`${r.group_kind}:${r.group_id}`) ?? null)),
      myAttendance: mine ? presentMyAttendance(mine) : null,
      canManage: mayOrganise(actor) && ownEnterpriseOf(actor) === null,
      canRecord: mine !== undefined && this.mayRecordNow(ctx, row),
    };
  }

  /** Someone on the roster of a session organised outside their ground: the session and their own row. */
  private async inviteeView(ctx: RequestContext, id: string): Promise<SessionDetail> {
    const repo = new SessionsRepository(this.systemDb);
    const mine = await repo.attendance(id, ctx.actor!.id);
    const row = mine ? await repo.byId(id) : undefined;
    if (!mine || !row) throw notFound();
    const session = presentSession(row, (await this.names(this.systemDb, [row])).get(row.id)!, EMPTY_TALLY);
    return { ...session, tally: null, targets: null, roster: null, myAttendance: presentMyAttendance(mine), canManage: false, canRecord: this.mayRecordNow(ctx, row) };
  }

  mayRecordNow(ctx: RequestContext, row: SessionRow): boolean {
    return ctx.actor!.permissions.includes('training:attend') && ctx.now().toISOString() >= row.starts_at;
  }

  async create(ctx: RequestContext, body: CreateSessionBody): Promise<SessionDetail> {
    const actor = ctx.actor!;
    const errors: FieldError[] = [];
    const course = await new CoursesRepository(ctx.db).byId(body.courseId);
    if (!course) errors.push(fieldError('courseId', 'invalid'));
    const { startsAt, endsAt } = checkTimes(body.startsAt, body.endsAt ?? null, errors);
    const regionCode = body.regionCode ?? homeRegionOf(actor);
    if (!isWithinGround(regionCode, actor.ground)) errors.push(fieldError('regionCode', 'outside_ground'));
    else if (!(await new RegionsRepository(ctx.db).byCode(regionCode))) errors.push(fieldError('regionCode', 'unknown_region'));
    const title = body.title?.trim() || course?.title || '';
    const requiredMinutes = body.requiredMinutes ?? course?.duration_minutes ?? 1;
    const roster = await rosterOf(ctx.db, body.targets);
    errors.push(...roster.errors);
    if (errors.length || !course) throw invalid(...errors);
    const now = ctx.now().toISOString();
    const row: TrainingSessionTable = {
      id: randomUUID(),
      region_code: regionCode,
      course_id: course.id,
      title,
      mode: body.mode,
      place: body.place?.trim() || null,
      starts_at: startsAt!,
      ends_at: endsAt,
      required_minutes: requiredMinutes,
      targets: JSON.stringify(roster.targets),
      organiser_unit_id: actor.ground.departmentId ?? null,
      is_demo: 0,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new SessionsRepository(trx);
      await repo.insert(row);
      await repo.insertAttendance(attendanceRows(row.id, roster.members, requiredMinutes, now));
      await this.audit.record(trx, ctx, {
        action: 'training.session.create',
        objectType: 'training_session',
        objectId: row.id,
        detail: { courseId: course.id, regionCode, startsAt: row.starts_at, requiredMinutes, units: roster.targets.unitIds.length, accounts: roster.targets.userIds.length, roster: roster.members.length },
      });
    });
    return this.get(ctx, row.id);
  }

  /**
   * PATCH: the fields given, over the version read. New targets re-draw the roster: newcomers are
   * added; those no longer required leave it unless they already watched (their record stays).
   * A new required length re-grades every row.
   */
  async update(ctx: RequestContext, id: string, body: UpdateSessionBody): Promise<SessionDetail> {
    if (body.version === undefined) throw new AppError('version_required');
    const repo = new SessionsRepository(ctx.db);
    const current = await repo.byId(id);
    if (!current || sessionScope(ctx).onlyAttendeeId !== undefined) throw notFound();
    const errors: FieldError[] = [];
    const changes: Updateable<TrainingSessionTable> = {};
    if (body.title !== undefined) {
      changes.title = body.title.trim();
      if (changes.title === '') errors.push(fieldError('title', 'required'));
    }
    if (body.mode !== undefined) changes.mode = body.mode;
    if (body.place !== undefined) changes.place = body.place?.trim() || null;
    if (body.startsAt !== undefined || body.endsAt !== undefined) {
      const times = checkTimes(body.startsAt ?? current.starts_at, body.endsAt === undefined ? current.ends_at : body.endsAt, errors);
      if (times.startsAt) Object.assign(changes, { starts_at: times.startsAt, ends_at: times.endsAt });
    }
    if (body.requiredMinutes !== undefined) changes.required_minutes = body.requiredMinutes;
    const roster = body.targets ? await rosterOf(ctx.db, body.targets) : null;
    if (roster) {
      errors.push(...roster.errors);
      changes.targets = JSON.stringify(roster.targets);
    }
    if (errors.length) throw invalid(...errors);
    if (current.version !== body.version) throw new AppError('version_conflict');
    const requiredMinutes = changes.required_minutes ?? current.required_minutes;
    const now = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const write = new SessionsRepository(trx);
      if ((await write.updateVersioned(id, body.version!, { ...changes, updated_at: now })) === 0) throw new AppError('version_conflict');
      let existing = await write.roster(id);
      if (roster) {
        const wanted = new Set(roster.members.map((m) => m.userId));
        const have = new Set(existing.map((r) => r.user_id));
        await write.removeUnwatched(id, existing.filter((r) => !wanted.has(r.user_id)).map((r) => r.user_id));
        await write.insertAttendance(attendanceRows(id, roster.members.filter((m) => !have.has(m.userId)), requiredMinutes, now));
        existing = await write.roster(id);
      }
      for (const row of existing) {
        const status = attendanceStatus(row.watched_minutes, requiredMinutes);
        if (status === row.status) continue;
        await write.updateAttendanceVersioned(row.id, row.version, { status, attended_at: status === 'attended' ? (row.attended_at ?? now) : null });
      }
      await this.audit.record(trx, ctx, { action: 'training.session.update', objectType: 'training_session', objectId: id, detail: { fields: Object.keys(changes), version: body.version! + 1 } });
    });
    return this.get(ctx, id);
  }
}

/** The start and optional end of a session as UTC text; the end, when given, after the start. */
function checkTimes(startsAtText: string, endsAtText: string | null, errors: FieldError[]): { startsAt: string | null; endsAt: string | null } {
  const startsAt = parseInstant(startsAtText);
  if (startsAt === null) errors.push(fieldError('startsAt', 'invalid'));
  const endsAt = endsAtText === null ? null : parseInstant(endsAtText);
  if (endsAtText !== null && endsAt === null) errors.push(fieldError('endsAt', 'invalid'));
  else if (startsAt !== null && endsAt !== null && endsAt <= startsAt) errors.push(fieldError('endsAt', 'out_of_range'));
  return { startsAt, endsAt };
}

