import { attendanceStatus, tallyFromCounts, type AttendanceStatus } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, forbidden, notFound } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { SessionsRepository, type AttendanceRow, type SessionRow } from './sessions.repository.js';
import type { AttendanceRates, AttendeeCandidates, MySessionsQuery, RatesQuery, RecordAttendanceBody, SessionDetail } from './sessions.schema.js';
import { presentInvitation } from './sessions.present.js';
import { periodFilter, sessionScope, type SessionsService } from './sessions.service.js';
import { TrainingDirectoryRepository } from './training-directory.repository.js';
import { mayOrganise, ownEnterpriseOf } from './training.policy.js';
import type { AttendanceGroupKind } from './training.tables.js';

/**
 * Attendance: an attendee records the minutes they watched, an organiser records them for someone
 * on the roster (a meeting's sign-in sheet), everyone finds the sessions they are required at,
 * and the rates by unit (参训率) add it up.
 */
export class AttendanceService {
  constructor(
    private readonly audit: AuditService,
    private readonly systemDb: Kysely<Database>,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * POST /training/sessions/:id/attendance. The caller's own row is found by their account id
   * wherever the session is organised (system handle); someone else's only through the
   * organiser's ground.
   */
  async record(ctx: RequestContext, sessionId: string, body: RecordAttendanceBody): Promise<SessionDetail> {
    if (body.version === undefined) throw new AppError('version_required');
    const actor = ctx.actor!;
    const forOther = body.userId !== undefined && body.userId !== actor.id;
    let db: Kysely<Database>;
    let session: SessionRow | undefined;
    let row: AttendanceRow | undefined;
    if (forOther) {
      db = ctx.db;
      session = sessionScope(ctx).onlyAttendeeId === undefined ? await new SessionsRepository(db).byId(sessionId) : undefined;
      if (!session) throw notFound();
      if (!mayOrganise(actor)) throw forbidden();
      row = await new SessionsRepository(db).attendance(sessionId, body.userId!);
    } else {
      db = this.systemDb;
      row = await new SessionsRepository(db).attendance(sessionId, actor.id);
      session = row ? await new SessionsRepository(db).byId(sessionId) : undefined;
    }
    if (!row || !session) throw notFound();
    if (row.version !== body.version) throw new AppError('version_conflict');
    const now = ctx.now().toISOString();
    if (now < session.starts_at) throw new AppError('session_not_started');
    const status = attendanceStatus(body.watchedMinutes, session.required_minutes);
    const attendedAt = status === 'attended' ? (row.attended_at ?? now) : null;
    await db.transaction().execute(async (trx) => {
      const changed = await new SessionsRepository(trx).updateAttendanceVersioned(row.id, row.version, { watched_minutes: body.watchedMinutes, status, attended_at: attendedAt, recorded_by: actor.id, recorded_at: now });
      if (changed === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, {
        action: 'training.attendance.record',
        objectType: 'training_session',
        objectId: sessionId,
        detail: { userId: row.user_id, watchedMinutes: body.watchedMinutes, status, by: forOther ? 'organiser' : 'attendee' },
      });
    });
    return this.sessions.get(ctx, sessionId);
  }

  /** GET /training/my-sessions: the sessions the caller is on the roster of, newest first. */
  async mySessions(ctx: RequestContext, query: MySessionsQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await new SessionsRepository(this.systemDb).invitations(ctx.actor!.id, { ...(query.pending ? { pending: true } : {}) }, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const names = await this.sessions.names(this.systemDb, page);
    const last = page[page.length - 1];
    return { items: page.map((row) => presentInvitation(row, names.get(row.id)!, row.attendance)), nextCursor: rows.length > limit && last ? encodeCursor([last.starts_at, last.id]) : null };
  }

  /**
   * GET /training/attendance-rates: attended over required per unit (else enterprise, else region)
   * over the sessions of the ground in the period, lowest rate first. An enterprise officer sees
   * their own enterprise's row.
   */
  async rates(ctx: RequestContext, query: RatesQuery): Promise<AttendanceRates> {
    const repo = new SessionsRepository(ctx.db);
    const enterpriseId = ownEnterpriseOf(ctx.actor!);
    const filter = { ...sessionScope(ctx), ...periodFilter(query), ...(query.sessionId ? { sessionId: query.sessionId } : {}) };
    const counts = await repo.groupCounts({ ...filter, ...(enterpriseId ? { onlyEnterpriseId: enterpriseId } : {}) });
    const byGroup = new Map<string, { groupKind: AttendanceGroupKind; groupId: string; counts: Partial<Record<AttendanceStatus, number>> }>();
    const total: Partial<Record<AttendanceStatus, number>> = {};
    for (const count of counts) {
      const key = `${count.groupKind}:${count.groupId}`;
      const entry = byGroup.get(key) ?? { groupKind: count.groupKind, groupId: count.groupId, counts: {} };
      entry.counts[count.status] = (entry.counts[count.status] ?? 0) + count.n;
      total[count.status] = (total[count.status] ?? 0) + count.n;
      byGroup.set(key, entry);
    }
    const directory = new TrainingDirectoryRepository(ctx.db);
    const names = new Map<string, string>();
    for (const kind of ['unit', 'enterprise', 'region'] as const) {
      const ids = [...byGroup.values()].filter((g) => g.groupKind === kind).map((g) => g.groupId);
      for (const [id, name] of await directory.names(kind, ids)) names.set(`${kind}:${id}`, name);
    }
    const items = [...byGroup.entries()].map(([key, group]) => ({ groupKind: group.groupKind, groupId: group.groupId, name: names.get(key) ?? null, ...tallyFromCounts(group.counts) }));
    items.sort((a, b) => (a.rate ?? 2) - (b.rate ?? 2) || b.required - a.required || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'));
    return { sessions: await repo.countSessions(filter), total: tallyFromCounts(total), items };
  }

  /** GET /training/attendee-candidates: the units and accounts of the organiser's ground. */
  async candidates(ctx: RequestContext): Promise<AttendeeCandidates> {
    const directory = new TrainingDirectoryRepository(ctx.db);
    const accounts = await directory.enabledAccounts(500);
    return { units: await directory.unitsWithMembers(), accounts: accounts.map((a) => ({ id: a.id, displayName: a.display_name, unitName: a.unit_name })) };
  }
}
