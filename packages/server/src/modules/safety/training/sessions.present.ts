import { tallyFromCounts, type AttendanceStatus, type AttendanceTally } from '@shoutu/domain';
import type { AttendanceRow, RosterRow, SessionRow, StatusCount } from './sessions.repository.js';
import type { Attendee, InvitedSession, Session } from './sessions.schema.js';

/** Tallies by key (a session, a group) from GROUP BY counts. */
export function talliesOf(counts: readonly StatusCount[]): Map<string, AttendanceTally> {
  const byKey = new Map<string, Partial<Record<AttendanceStatus, number>>>();
  for (const count of counts) {
    const entry = byKey.get(count.key) ?? {};
    entry[count.status] = (entry[count.status] ?? 0) + count.n;
    byKey.set(count.key, entry);
  }
  return new Map([...byKey].map(([key, entry]) => [key, tallyFromCounts(entry)]));
}

export const EMPTY_TALLY: AttendanceTally = tallyFromCounts({});

/** The names a session shows, looked up by whoever presents it. */
export interface SessionNames {
  organiser: string | null;
  region: string | null;
}

function sessionFields(row: SessionRow, names: SessionNames) {
  return {
    id: row.id,
    title: row.title,
    course: {
      id: row.course_id,
      title: row.course_title,
      source: row.course_source,
      kind: row.course_kind,
      durationMinutes: row.course_duration_minutes,
      link: row.course_link,
      fileRef: row.course_file_ref,
    },
    mode: row.mode,
    place: row.place,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    requiredMinutes: row.required_minutes,
    organiserName: names.organiser,
    isDemo: row.is_demo === 1,
  };
}

export function presentSession(row: SessionRow, names: SessionNames, tally: AttendanceTally): Session {
  return { ...sessionFields(row, names), regionCode: row.region_code, regionName: names.region, tally, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version };
}

export function presentInvitation(row: SessionRow, names: SessionNames, attendance: AttendanceRow): InvitedSession {
  return { ...sessionFields(row, names), myAttendance: presentMyAttendance(attendance) };
}

export function presentMyAttendance(row: AttendanceRow) {
  return { watchedMinutes: row.watched_minutes, status: row.status, attendedAt: row.attended_at, recordedAt: row.recorded_at, version: row.version };
}

export function presentAttendee(row: RosterRow, groupName: string | null): Attendee {
  return {
    userId: row.user_id,
    displayName: row.display_name,
    groupKind: row.group_kind,
    groupId: row.group_id,
    groupName,
    watchedMinutes: row.watched_minutes,
    status: row.status,
    attendedAt: row.attended_at,
    recordedAt: row.recorded_at,
    version: row.version,
  };
}
