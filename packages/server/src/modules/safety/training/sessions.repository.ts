import type { AttendanceStatus } from '@shoutu/domain';
import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { AttendanceGroupKind, TrainingAttendanceTable, TrainingSessionTable } from './training.tables.js';

export type SessionRow = Selectable<TrainingSessionTable> & {
  course_title: string;
  course_source: string;
  course_kind: 'video' | 'document';
  course_duration_minutes: number;
  course_link: string | null;
  course_file_ref: string | null;
};
export type AttendanceRow = Selectable<TrainingAttendanceTable>;
export type RosterRow = AttendanceRow & { display_name: string | null };
export type InvitationRow = SessionRow & { attendance: AttendanceRow };

export interface SessionFilter {
  sessionId?: string;
  /** YYYY-MM-DD bounds on the start, as ISO instants (China days turned into UTC by the caller). */
  startsFrom?: string;
  startsBefore?: string;
  courseId?: string;
  /** An enterprise officer sees only the sessions they are on the roster of. */
  onlyAttendeeId?: string;
}

/** The session filter, on any query that reads `training_sessions` (alone or joined). */
function filtered<Q extends SelectQueryBuilder<Database, any, any>>(query: Q, filter: SessionFilter): Q {
  let q = query as unknown as SelectQueryBuilder<Database, 'training_sessions', object>;
  if (filter.sessionId !== undefined) q = q.where('training_sessions.id', '=', filter.sessionId);
  if (filter.startsFrom !== undefined) q = q.where('training_sessions.starts_at', '>=', filter.startsFrom);
  if (filter.startsBefore !== undefined) q = q.where('training_sessions.starts_at', '<', filter.startsBefore);
  if (filter.courseId !== undefined) q = q.where('training_sessions.course_id', '=', filter.courseId);
  const attendee = filter.onlyAttendeeId;
  if (attendee !== undefined) {
    q = q.where((eb) => eb.exists(eb.selectFrom('training_attendance as mine').select('mine.id').whereRef('mine.session_id', '=', 'training_sessions.id').where('mine.user_id', '=', attendee)));
  }
  return q as unknown as Q;
}

export interface StatusCount {
  key: string;
  status: AttendanceStatus;
  n: number;
}

/**
 * Sessions and their rosters. `training_sessions` and `training_attendance` are grounded; the
 * course comes from a join on the library, which is not. Handed the system handle, it reads only
 * what a caller's own account id selects (their invitations and their own row).
 */
export class SessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private selectSessions() {
    return this.db
      .selectFrom('training_sessions')
      .innerJoin('training_courses', 'training_courses.id', 'training_sessions.course_id')
      .selectAll('training_sessions')
      .select([
        'training_courses.title as course_title',
        'training_courses.source as course_source',
        'training_courses.kind as course_kind',
        'training_courses.duration_minutes as course_duration_minutes',
        'training_courses.link as course_link',
        'training_courses.file_ref as course_file_ref',
      ]);
  }

  byId(id: string): Promise<SessionRow | undefined> {
    return this.selectSessions().where('training_sessions.id', '=', id).executeTakeFirst();
  }

  list(filter: SessionFilter, page: { limit: number; after?: [string, string] }): Promise<SessionRow[]> {
    let query = filtered(this.selectSessions(), filter)
      .orderBy('training_sessions.starts_at', 'desc')
      .orderBy('training_sessions.id', 'desc')
      .limit(page.limit);
    if (page.after) {
      const [startsAt, id] = page.after;
      query = query.where((eb) => eb.or([eb('training_sessions.starts_at', '<', startsAt), eb.and([eb('training_sessions.starts_at', '=', startsAt), eb('training_sessions.id', '<', id)])]));
    }
    return query.execute();
  }

  async insert(row: Insertable<TrainingSessionTable>): Promise<void> {
    await this.db.insertInto('training_sessions').values(row).execute();
  }

  async updateVersioned(id: string, version: number, changes: Updateable<TrainingSessionTable>): Promise<number> {
    const result = await this.db.updateTable('training_sessions').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Roster rows per session and status, for the tallies of a list. */
  async statusCounts(sessionIds: readonly string[]): Promise<StatusCount[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('training_attendance')
      .select(['session_id', 'status', sql<number>`count(*)`.as('n')])
      .where('session_id', 'in', [...sessionIds])
      .groupBy(['session_id', 'status'])
      .execute();
    return rows.map((row) => ({ key: row.session_id, status: row.status, n: Number(row.n) }));
  }

  roster(sessionId: string): Promise<RosterRow[]> {
    return this.db
      .selectFrom('training_attendance')
      .leftJoin('users', 'users.id', 'training_attendance.user_id')
      .selectAll('training_attendance')
      .select('users.display_name')
      .where('training_attendance.session_id', '=', sessionId)
      .orderBy('training_attendance.group_kind')
      .orderBy('training_attendance.group_id')
      .orderBy('users.display_name')
      .execute();
  }

  attendance(sessionId: string, userId: string): Promise<AttendanceRow | undefined> {
    return this.db.selectFrom('training_attendance').selectAll().where('session_id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
  }

  async insertAttendance(rows: Insertable<TrainingAttendanceTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await this.db.insertInto('training_attendance').values(rows.slice(i, i + 200)).execute();
  }

  /** Removes roster rows of people no longer required, unless they already watched something. */
  async removeUnwatched(sessionId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.db.deleteFrom('training_attendance').where('session_id', '=', sessionId).where('user_id', 'in', [...userIds]).where('watched_minutes', '=', 0).execute();
  }

  async updateAttendanceVersioned(id: string, version: number, changes: Updateable<TrainingAttendanceTable>): Promise<number> {
    const result = await this.db.updateTable('training_attendance').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The sessions an account is on the roster of, newest first (read with the system handle, keyed by that account). */
  async invitations(userId: string, filter: { pending?: boolean }, page: { limit: number; after?: [string, string] }): Promise<InvitationRow[]> {
    let query = this.selectSessions()
      .innerJoin('training_attendance', 'training_attendance.session_id', 'training_sessions.id')
      .select([
        'training_attendance.id as a_id',
        'training_attendance.region_code as a_region_code',
        'training_attendance.group_kind as a_group_kind',
        'training_attendance.group_id as a_group_id',
        'training_attendance.watched_minutes as a_watched_minutes',
        'training_attendance.status as a_status',
        'training_attendance.attended_at as a_attended_at',
        'training_attendance.recorded_by as a_recorded_by',
        'training_attendance.recorded_at as a_recorded_at',
        'training_attendance.created_at as a_created_at',
        'training_attendance.version as a_version',
      ])
      .where('training_attendance.user_id', '=', userId)
      .$if(filter.pending === true, (q) => q.where('training_attendance.status', '!=', 'attended'))
      .orderBy('training_sessions.starts_at', 'desc')
      .orderBy('training_sessions.id', 'desc')
      .limit(page.limit);
    if (page.after) {
      const [startsAt, id] = page.after;
      query = query.where((eb) => eb.or([eb('training_sessions.starts_at', '<', startsAt), eb.and([eb('training_sessions.starts_at', '=', startsAt), eb('training_sessions.id', '<', id)])]));
    }
    const rows = await query.execute();
    return rows.map(({ a_id, a_region_code, a_group_kind, a_group_id, a_watched_minutes, a_status, a_attended_at, a_recorded_by, a_recorded_at, a_created_at, a_version, ...session }) => ({
      ...session,
      attendance: {
        id: a_id,
        session_id: session.id,
        region_code: a_region_code,
        user_id: userId,
        group_kind: a_group_kind,
        group_id: a_group_id,
        watched_minutes: a_watched_minutes,
        status: a_status,
        attended_at: a_attended_at,
        recorded_by: a_recorded_by,
        recorded_at: a_recorded_at,
        created_at: a_created_at,
        version: a_version,
      },
    }));
  }

  /** Roster rows per (group, status) over the sessions the filter selects, for the rates by unit. */
  async groupCounts(filter: SessionFilter & { onlyEnterpriseId?: string }): Promise<Array<{ groupKind: AttendanceGroupKind; groupId: string; status: AttendanceStatus; n: number }>> {
    const rows = await filtered(this.db.selectFrom('training_attendance').innerJoin('training_sessions', 'training_sessions.id', 'training_attendance.session_id'), filter)
      .select(['training_attendance.group_kind', 'training_attendance.group_id', 'training_attendance.status', sql<number>`count(*)`.as('n')])
      .$if(filter.onlyEnterpriseId !== undefined, (q) => q.where('training_attendance.group_kind', '=', 'enterprise').where('training_attendance.group_id', '=', filter.onlyEnterpriseId!))
      .groupBy(['training_attendance.group_kind', 'training_attendance.group_id', 'training_attendance.status'])
      .execute();
    return rows.map((row) => ({ groupKind: row.group_kind, groupId: row.group_id, status: row.status, n: Number(row.n) }));
  }

  async countSessions(filter: SessionFilter): Promise<number> {
    const row = await filtered(this.db.selectFrom('training_sessions'), filter).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
