/**
 * Accountability for failure of duty (失职追责). The measures follow 《中国共产党问责条例》 (2019
 * revision) art. 8 — for a party organisation 检查、通报、改组; for a leading cadre 通报、诫勉、组织调整
 * 或者组织处理、纪律处分 — and the lighter forms of the "four forms" of supervision (谈话提醒、批评
 * 教育、责令检查), which the 条例 names but does not list as 问责方式. The article numbers and the
 * split of 组织调整 / 组织处理 are from secondary copies: `verify`.
 */
import type { Label } from './label.js';

export const ACCOUNTABILITY_SUBJECT_KINDS = ['person', 'unit'] as const;
export type AccountabilitySubjectKind = (typeof ACCOUNTABILITY_SUBJECT_KINDS)[number];

export interface AccountabilityMeasure {
  readonly code: string;
  readonly label: Label;
  /** Whom the measure can be taken against. */
  readonly subjects: readonly AccountabilitySubjectKind[];
  /** Heavier measures sort later. */
  readonly severity: number;
  readonly source: string;
  readonly verify: boolean;
}

const RULES = '《中国共产党问责条例》（2019年修订）';

export const ACCOUNTABILITY_MEASURES = [
  { code: 'reminder_talk', label: { 'zh-CN': '谈话提醒', en: 'Reminder talk' }, subjects: ['person'], severity: 1, source: '监督执纪“四种形态”第一种形态', verify: true },
  { code: 'criticism', label: { 'zh-CN': '批评教育', en: 'Criticism and education' }, subjects: ['person'], severity: 2, source: '监督执纪“四种形态”第一种形态', verify: true },
  { code: 'written_self_examination', label: { 'zh-CN': '责令检查', en: 'Ordered written self-examination' }, subjects: ['person', 'unit'], severity: 3, source: `${RULES} 第八条（对党组织：检查）`, verify: true },
  { code: 'circulated_criticism', label: { 'zh-CN': '通报批评', en: 'Circulated criticism' }, subjects: ['person', 'unit'], severity: 4, source: `${RULES} 第八条（通报）`, verify: true },
  { code: 'admonishment', label: { 'zh-CN': '诫勉', en: 'Admonishment' }, subjects: ['person'], severity: 5, source: `${RULES} 第八条（诫勉）`, verify: false },
  { code: 'reorganization', label: { 'zh-CN': '改组', en: 'Reorganisation' }, subjects: ['unit'], severity: 6, source: `${RULES} 第八条（对党组织：改组）`, verify: true },
  { code: 'organizational_adjustment', label: { 'zh-CN': '组织调整', en: 'Organisational adjustment' }, subjects: ['person'], severity: 6, source: `${RULES} 第八条（组织调整或者组织处理）`, verify: true },
  { code: 'organizational_handling', label: { 'zh-CN': '组织处理', en: 'Organisational handling' }, subjects: ['person'], severity: 7, source: `${RULES} 第八条（组织调整或者组织处理）`, verify: true },
  { code: 'disciplinary_sanction', label: { 'zh-CN': '纪律处分', en: 'Disciplinary sanction' }, subjects: ['person'], severity: 8, source: `${RULES} 第八条（纪律处分）`, verify: false },
] as const satisfies readonly AccountabilityMeasure[];

export type AccountabilityMeasureCode = (typeof ACCOUNTABILITY_MEASURES)[number]['code'];
export const ACCOUNTABILITY_MEASURE_CODES = ACCOUNTABILITY_MEASURES.map((m) => m.code) as AccountabilityMeasureCode[];

export function accountabilityMeasure(code: string): AccountabilityMeasure | undefined {
  return ACCOUNTABILITY_MEASURES.find((m) => m.code === code);
}

export function measureAppliesTo(code: string, subject: AccountabilitySubjectKind): boolean {
  return (accountabilityMeasure(code)?.subjects as readonly string[] | undefined)?.includes(subject) ?? false;
}

/**
 * What triggered a record. A supervision task (督办事项) will be one more kind: each kind has a
 * resolver on the server that finds the item in the caller's ground and its timeline.
 */
export const ACCOUNTABILITY_TRIGGER_KINDS = ['accident', 'overdue_major_hazard', 'late_accident_report', 'other'] as const;
export type AccountabilityTriggerKind = (typeof ACCOUNTABILITY_TRIGGER_KINDS)[number];

export const ACCOUNTABILITY_TRIGGER_LABELS: Readonly<Record<AccountabilityTriggerKind, Label>> = {
  accident: { 'zh-CN': '生产安全事故', en: 'Accident' },
  overdue_major_hazard: { 'zh-CN': '重大事故隐患逾期未整改', en: 'Major hazard overdue' },
  late_accident_report: { 'zh-CN': '事故迟报', en: 'Late accident report' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/**
 * investigating 核查中 → decided 已决定 (a measure) or dismissed 不予问责; decided → executed 已执行
 * or revoked 已撤销 (e.g. on appeal, 申诉). Executed, dismissed and revoked are final.
 */
export const ACCOUNTABILITY_STATUSES = ['investigating', 'decided', 'dismissed', 'executed', 'revoked'] as const;
export type AccountabilityStatus = (typeof ACCOUNTABILITY_STATUSES)[number];

export const ACCOUNTABILITY_STATUS_LABELS: Readonly<Record<AccountabilityStatus, Label>> = {
  investigating: { 'zh-CN': '核查中', en: 'Under investigation' },
  decided: { 'zh-CN': '已作出决定', en: 'Decided' },
  dismissed: { 'zh-CN': '不予问责', en: 'No accountability' },
  executed: { 'zh-CN': '已执行', en: 'Carried out' },
  revoked: { 'zh-CN': '已撤销', en: 'Revoked' },
};

const NEXT: Readonly<Record<AccountabilityStatus, readonly AccountabilityStatus[]>> = {
  investigating: ['decided', 'dismissed'],
  decided: ['executed', 'revoked'],
  dismissed: [],
  executed: [],
  revoked: [],
};

export function nextAccountabilityStatuses(from: AccountabilityStatus): readonly AccountabilityStatus[] {
  return NEXT[from];
}

/** The statuses a record may be created in: opened for investigation, or decided at once. */
export const INITIAL_ACCOUNTABILITY_STATUSES: readonly AccountabilityStatus[] = ['investigating', 'decided', 'dismissed'];

export interface AccountabilityDecision {
  status: AccountabilityStatus;
  subjectKind: AccountabilitySubjectKind;
  measure: string | null;
  decidedBy: string | null;
  decidedOn: string | null;
}

export type AccountabilityProblem = { field: 'measure' | 'decidedBy' | 'decidedOn'; code: 'required' | 'not_for_subject' | 'not_allowed' | 'in_future' };

/**
 * What a record in `status` must carry: a decision (decided, executed, revoked) names a measure
 * fit for the subject, who decided and the day, not after `today`; a dismissal names who decided
 * and the day but no measure; a record under investigation has no measure yet.
 */
export function checkAccountabilityDecision(decision: AccountabilityDecision, today: string): AccountabilityProblem[] {
  const problems: AccountabilityProblem[] = [];
  const decided = decision.status !== 'investigating';
  const withMeasure = decided && decision.status !== 'dismissed';
  if (withMeasure && decision.measure === null) problems.push({ field: 'measure', code: 'required' });
  if (withMeasure && decision.measure !== null && !measureAppliesTo(decision.measure, decision.subjectKind)) problems.push({ field: 'measure', code: 'not_for_subject' });
  if (!withMeasure && decision.measure !== null) problems.push({ field: 'measure', code: 'not_allowed' });
  if (decided && (decision.decidedBy === null || decision.decidedBy.trim() === '')) problems.push({ field: 'decidedBy', code: 'required' });
  if (decided && decision.decidedOn === null) problems.push({ field: 'decidedOn', code: 'required' });
  if (decision.decidedOn !== null && decision.decidedOn > today) problems.push({ field: 'decidedOn', code: 'in_future' });
  return problems;
}

/** The key that makes a proposed item one candidate: a decided candidate (any record for it) is not proposed again. */
export function accountabilityTriggerKey(kind: AccountabilityTriggerKind, id: string, part: string | null = null): string {
  return part === null ? `${kind}:${id}` : `${kind}:${id}:${part}`;
}
