import {
  ACCIDENT_GRADE_LABELS,
  ACCIDENT_TYPES,
  investigationDueAt,
  replyDueAt,
  reportingChain,
  reportingDeadlines,
  supplementaryWindowEndsAt,
  type AccidentGrade,
  type ReportingLevel,
  type ReportingStatus,
} from '@shoutu/domain';
import type { Accident, AccidentDetail } from './accidents.schema.js';
import type { AccidentRow, ExtensionRow, LevelReportRow, RevisionRow } from './accidents.repository.js';

/** How API answers are built from rows; every date and grade comes from the domain's rules. */

const UNKNOWN_TYPE = { 'zh-CN': '未知类别', en: 'Unknown type' };

export function typeLabel(code: string) {
  const type = ACCIDENT_TYPES.find((t) => t.code === code);
  return type ? { 'zh-CN': type['zh-CN'], en: type.en } : UNKNOWN_TYPE;
}

export function gradeLabel(grade: AccidentGrade) {
  return { ...ACCIDENT_GRADE_LABELS[grade] };
}

function figures(row: Pick<RevisionRow, 'deaths' | 'serious_injuries' | 'missing' | 'direct_loss_yuan' | 'grade'>) {
  return {
    deaths: row.deaths,
    seriousInjuries: row.serious_injuries,
    missing: row.missing,
    directLossYuan: Number(row.direct_loss_yuan),
    grade: row.grade,
    gradeLabel: gradeLabel(row.grade),
  };
}

export function toAccident(row: AccidentRow, first: RevisionRow | undefined, regionName: string | null): Accident {
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName,
    occurredAt: row.occurred_at,
    learnedAt: row.learned_at,
    type: row.type,
    typeLabel: typeLabel(row.type),
    context: row.context,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    industryCode: row.industry_code,
    summary: row.summary,
    reporter: row.reporter,
    ...figures(row),
    // Revision 1 is written with the accident; the fallback only covers a row read mid-write.
    firstReported: { ...figures(first ?? row), recordedAt: first?.recorded_at ?? row.created_at },
    revisionCount: row.revision_count,
    supplementaryWindowEndsAt: supplementaryWindowEndsAt(new Date(row.occurred_at), row.context).toISOString(),
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export type LevelDeadline = AccidentDetail['reporting']['levels'][number];

/** The reporting clock of one accident (Order 493 art. 9–11), with who owes each report. */
export function reportingOf(row: Pick<AccidentRow, 'learned_at' | 'grade'>, reports: readonly LevelReportRow[], now: Date): AccidentDetail['reporting'] {
  const chain = reportingChain(row.grade);
  const reported: Partial<Record<ReportingLevel, Date>> = {};
  for (const report of reports) reported[report.level] = new Date(report.reported_at);
  const levels: LevelDeadline[] = reportingDeadlines(new Date(row.learned_at), row.grade, reported, now).map((deadline, index) => ({
    level: deadline.level,
    owedBy: index === 0 ? 'unit' : chain[index - 1]!,
    dueAt: deadline.dueAt.toISOString(),
    reportedAt: deadline.reportedAt?.toISOString() ?? null,
    status: deadline.status,
  }));
  return {
    chain,
    levels,
    owed: levels.filter((level) => level.status === 'pending' || level.status === 'overdue'),
    beyondChain: reports.filter((report) => !chain.includes(report.level)).map((report) => ({ level: report.level, reportedAt: report.reported_at })),
  };
}

function statusOf(dueAt: Date, doneAt: string | null, now: Date): ReportingStatus {
  if (doneAt !== null) return new Date(doneAt).getTime() <= dueAt.getTime() ? 'on_time' : 'late';
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'pending';
}

export function investigationOf(row: AccidentRow, extensions: readonly ExtensionRow[], now: Date): AccidentDetail['investigation'] {
  const dueAt = investigationDueAt(new Date(row.occurred_at), row.investigation_extension_days);
  return {
    dueAt: dueAt.toISOString(),
    extensionDays: row.investigation_extension_days,
    extensions: extensions.map((e) => ({ days: e.days, approvedBy: e.approved_by, reason: e.reason, recordedAt: e.recorded_at, recordedBy: e.recorded_by })),
    submittedAt: row.investigation_submitted_at,
    status: statusOf(dueAt, row.investigation_submitted_at, now),
  };
}

export function replyOf(row: AccidentRow, now: Date): AccidentDetail['reply'] {
  if (row.investigation_submitted_at === null) return { dueAt: null, repliedAt: null, status: 'awaiting_report' };
  const dueAt = replyDueAt(new Date(row.investigation_submitted_at), row.grade);
  return { dueAt: dueAt.toISOString(), repliedAt: row.replied_at, status: statusOf(dueAt, row.replied_at, now) };
}

export function toRevision(row: RevisionRow): AccidentDetail['revisions'][number] {
  return { seq: row.seq, ...figures(row), reason: row.reason, recordedAt: row.recorded_at, recordedBy: row.recorded_by };
}
