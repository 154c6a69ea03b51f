/**
 * Attendance at a training session (培训, 学习): who was required, who attended and for how long.
 * Someone on the roster attended when the minutes they watched (or sat in) reach the session's
 * required minutes; fewer minutes are a partial attendance, none is an absence. The attendance
 * rate (参训率) of a group is its attended members over its required members.
 */
import type { Label } from './label.js';

export type AttendanceStatus = 'attended' | 'partial' | 'absent';
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['attended', 'partial', 'absent'];

export const ATTENDANCE_STATUS_LABELS: Readonly<Record<AttendanceStatus, Label>> = {
  attended: { 'zh-CN': '已参训', en: 'Attended' },
  partial: { 'zh-CN': '未学完', en: 'Partly watched' },
  absent: { 'zh-CN': '未参训', en: 'Not attended' },
};

/** A session runs at most a day; a longer figure is a typing error. */
export const MAX_TRAINING_MINUTES = 1440;

export function attendanceStatus(watchedMinutes: number, requiredMinutes: number): AttendanceStatus {
  if (!Number.isSafeInteger(watchedMinutes) || watchedMinutes < 0) throw new RangeError('watchedMinutes must be a whole number, 0 or more');
  if (!Number.isSafeInteger(requiredMinutes) || requiredMinutes < 1) throw new RangeError('requiredMinutes must be a whole number, 1 or more');
  if (watchedMinutes >= requiredMinutes) return 'attended';
  return watchedMinutes > 0 ? 'partial' : 'absent';
}

export interface AttendanceTally {
  required: number;
  attended: number;
  partial: number;
  absent: number;
  /** attended / required, or null when nobody was required. */
  rate: number | null;
}

export function tallyAttendance(statuses: Iterable<AttendanceStatus>): AttendanceTally {
  const counts = { attended: 0, partial: 0, absent: 0 };
  for (const status of statuses) counts[status] += 1;
  return tallyFromCounts(counts);
}

/** The tally of counts already made (a database's GROUP BY status). */
export function tallyFromCounts(counts: Partial<Record<AttendanceStatus, number>>): AttendanceTally {
  const attended = counts.attended ?? 0;
  const partial = counts.partial ?? 0;
  const absent = counts.absent ?? 0;
  const required = attended + partial + absent;
  return { required, attended, partial, absent, rate: required === 0 ? null : attended / required };
}

/** The tally of each group (a unit, an enterprise, a region), in the order groups first appear. */
export function tallyAttendanceBy<K>(rows: Iterable<{ group: K; status: AttendanceStatus }>): Map<K, AttendanceTally> {
  const byGroup = new Map<K, AttendanceStatus[]>();
  for (const row of rows) {
    const list = byGroup.get(row.group) ?? [];
    list.push(row.status);
    byGroup.set(row.group, list);
  }
  return new Map([...byGroup].map(([group, statuses]) => [group, tallyAttendance(statuses)]));
}
