/**
 * The accident reporting and investigation clock, State Council Order 493 《生产安全事故报告和调查
 * 处理条例》 (2007); RULES.md "Work safety". All arithmetic is in UTC milliseconds on instants:
 * hours are elapsed hours, and "N 日" is N calendar days of 24 hours from the starting instant
 * (China keeps UTC+8 without daylight saving, so this never drifts from the wall clock there).
 */
import type { AccidentGrade } from './accident-grade.js';
import { ROAD_OR_FIRE_CONTEXTS, type AccidentContext } from './accident-types.js';
import { DAY_MS, HOUR_MS, requireValidDate } from './time.js';

/**
 * The regulators a report climbs to, lowest first (art. 10): the county-level regulator where the
 * accident happened, then the prefecture-level city, the province, and the State Council's.
 */
export const REPORTING_LEVELS = ['county', 'city', 'province', 'state_council'] as const;
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];

/** Art. 9: the unit head reports to the county-level regulator within 1 hour of learning of it. */
export const UNIT_REPORT_HOURS = 1;
/** Art. 11: each regulator passes the report one level up within 2 hours. */
export const ESCALATION_HOURS = 2;

/** Art. 10 (一)–(三): how far up each grade goes. */
const TOP_LEVEL: Record<AccidentGrade, ReportingLevel> = {
  extraordinarily_serious: 'state_council',
  serious: 'state_council',
  relatively_serious: 'province',
  ordinary: 'city',
};

/** The levels that must receive the report of an accident of this grade, lowest first. */
export function reportingChain(grade: AccidentGrade): ReportingLevel[] {
  return REPORTING_LEVELS.slice(0, REPORTING_LEVELS.indexOf(TOP_LEVEL[grade]) + 1);
}

export type ReportingStatus = 'on_time' | 'late' | 'pending' | 'overdue';

export interface ReportingDeadline {
  level: ReportingLevel;
  dueAt: Date;
  reportedAt: Date | null;
  status: ReportingStatus;
}

/**
 * The deadline and state of each report the grade requires. The county's is due 1 hour after the
 * unit head learned of the accident (art. 9); each next level's is due 2 hours after the level
 * below actually reported, or, while it has not, 2 hours after that level's own deadline, so one
 * late level does not hide the next one's lateness (art. 11). A report exactly at its deadline is on
 * time; an unreported level is overdue only once `now` is past its deadline. Reports to levels above
 * those the grade requires (art. 10 allows reporting over the heads of others, 越级上报) are ignored.
 */
export function reportingDeadlines(
  learnedAt: Date,
  grade: AccidentGrade,
  reports: Partial<Record<ReportingLevel, Date>>,
  now: Date,
): ReportingDeadline[] {
  let due = requireValidDate(learnedAt, 'learnedAt') + UNIT_REPORT_HOURS * HOUR_MS;
  const nowMs = requireValidDate(now, 'now');
  const result: ReportingDeadline[] = [];
  for (const level of reportingChain(grade)) {
    const reported = reports[level];
    const reportedMs = reported === undefined ? null : requireValidDate(reported, `reports.${level}`);
    const status: ReportingStatus =
      reportedMs === null ? (nowMs > due ? 'overdue' : 'pending') : reportedMs <= due ? 'on_time' : 'late';
    result.push({ level, dueAt: new Date(due), reportedAt: reportedMs === null ? null : new Date(reportedMs), status });
    due = (reportedMs ?? due) + ESCALATION_HOURS * HOUR_MS;
  }
  return result;
}

/**
 * Art. 13: changes in the number of casualties are reported within 30 days of the accident; for
 * road traffic and fire accidents within 7 days. A change inside the window may change the grade.
 */
export function supplementaryWindowDays(context: AccidentContext): 7 | 30 {
  return ROAD_OR_FIRE_CONTEXTS.includes(context) ? 7 : 30;
}

export function supplementaryWindowEndsAt(occurredAt: Date, context: AccidentContext): Date {
  return new Date(requireValidDate(occurredAt, 'occurredAt') + supplementaryWindowDays(context) * DAY_MS);
}

/** Art. 29: the investigation report is due within 60 days of the accident ... */
export const INVESTIGATION_DAYS = 60;
/** ... and the government in charge of the investigation may extend that by at most 60 days. */
export const MAX_INVESTIGATION_EXTENSION_DAYS = 60;

export function investigationDueAt(occurredAt: Date, extensionDays = 0): Date {
  if (!Number.isInteger(extensionDays) || extensionDays < 0 || extensionDays > MAX_INVESTIGATION_EXTENSION_DAYS) {
    throw new RangeError(`extensionDays must be a whole number from 0 to ${MAX_INVESTIGATION_EXTENSION_DAYS}`);
  }
  return new Date(requireValidDate(occurredAt, 'occurredAt') + (INVESTIGATION_DAYS + extensionDays) * DAY_MS);
}

/**
 * Art. 32: the government replies (批复) within 15 days of receiving the investigation report; for
 * an extraordinarily serious accident within 30 days, which in special cases may be extended by at
 * most 30 more. Only that grade may be extended.
 */
export const REPLY_DAYS: Record<AccidentGrade, 15 | 30> = {
  extraordinarily_serious: 30,
  serious: 15,
  relatively_serious: 15,
  ordinary: 15,
};
export const MAX_REPLY_EXTENSION_DAYS = 30;

export function replyDueAt(reportSubmittedAt: Date, grade: AccidentGrade, extensionDays = 0): Date {
  const maxExtension = grade === 'extraordinarily_serious' ? MAX_REPLY_EXTENSION_DAYS : 0;
  if (!Number.isInteger(extensionDays) || extensionDays < 0 || extensionDays > maxExtension) {
    throw new RangeError(`extensionDays must be a whole number from 0 to ${maxExtension} for a ${grade} accident`);
  }
  return new Date(requireValidDate(reportSubmittedAt, 'reportSubmittedAt') + (REPLY_DAYS[grade] + extensionDays) * DAY_MS);
}
