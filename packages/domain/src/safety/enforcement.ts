import { isCalendarDate } from './special-campaign.js';

/**
 * Enforcement records (执法, DESIGN.md "Work safety"): a case against an enterprise, the violations
 * found with their legal basis, and the measures decided (Work Safety Law 2021, ch. VI; Administrative
 * Penalty Law). These rules say what a measure must hold and how a case moves.
 */

/** 立案调查 → 已作出决定 → 执行完毕 → 结案; a case never moves back. */
export const ENFORCEMENT_STATUSES = ['investigating', 'decided', 'executed', 'closed'] as const;
export type EnforcementStatus = (typeof ENFORCEMENT_STATUSES)[number];

/** 责令限期整改, 罚款, 责令停产停业整顿, and anything else (警告, 没收, 暂扣证照…) written out. */
export const ENFORCEMENT_MEASURE_KINDS = ['order_rectify', 'fine', 'suspension', 'other'] as const;
export type EnforcementMeasureKind = (typeof ENFORCEMENT_MEASURE_KINDS)[number];

export interface EnforcementMeasure {
  readonly kind: EnforcementMeasureKind;
  readonly description?: string | null;
  /** order_rectify: the day by which to rectify (China calendar, `YYYY-MM-DD`). */
  readonly deadline?: string | null;
  /** fine: whole yuan. */
  readonly amountYuan?: number | null;
  /** suspension: the period, both days included. */
  readonly startsOn?: string | null;
  readonly endsOn?: string | null;
}

export interface EnforcementViolation {
  readonly description: string;
  /** The provision broken, e.g. 《安全生产法》第四十一条. */
  readonly legalBasis: string;
}

export type EnforcementProblem = {
  readonly field: string;
  readonly problem: 'required' | 'invalid_date' | 'ends_before_start' | 'not_allowed' | 'out_of_range' | 'status_backwards';
};

/** A fine fits in a JavaScript safe integer and in both engines' integer column; no fine in the law comes near it. */
export const MAX_FINE_YUAN = 1_000_000_000;

const blank = (text: string | null | undefined) => text === undefined || text === null || text.trim() === '';

/** What each kind of measure must carry, and that it carries nothing of another kind. */
export function checkEnforcementMeasure(measure: EnforcementMeasure, path: string): EnforcementProblem[] {
  const problems: EnforcementProblem[] = [];
  const need = (field: keyof EnforcementMeasure, present: boolean) => {
    if (!present) problems.push({ field: `${path}.${field}`, problem: 'required' });
  };
  const refuse = (...fields: Array<keyof EnforcementMeasure>) => {
    for (const field of fields) if (measure[field] !== undefined && measure[field] !== null) problems.push({ field: `${path}.${field}`, problem: 'not_allowed' });
  };
  const date = (field: 'deadline' | 'startsOn' | 'endsOn') => {
    const value = measure[field];
    if (typeof value === 'string' && !isCalendarDate(value)) problems.push({ field: `${path}.${field}`, problem: 'invalid_date' });
  };
  switch (measure.kind) {
    case 'order_rectify':
      need('deadline', !blank(measure.deadline));
      date('deadline');
      refuse('amountYuan', 'startsOn', 'endsOn');
      break;
    case 'fine':
      need('amountYuan', measure.amountYuan !== undefined && measure.amountYuan !== null);
      if (typeof measure.amountYuan === 'number' && (!Number.isSafeInteger(measure.amountYuan) || measure.amountYuan < 1 || measure.amountYuan > MAX_FINE_YUAN)) problems.push({ field: `${path}.amountYuan`, problem: 'out_of_range' });
      refuse('deadline', 'startsOn', 'endsOn');
      break;
    case 'suspension':
      need('startsOn', !blank(measure.startsOn));
      need('endsOn', !blank(measure.endsOn));
      date('startsOn');
      date('endsOn');
      if (isCalendarDate(measure.startsOn ?? '') && isCalendarDate(measure.endsOn ?? '') && measure.endsOn! < measure.startsOn!) problems.push({ field: `${path}.endsOn`, problem: 'ends_before_start' });
      refuse('deadline', 'amountYuan');
      break;
    case 'other':
      need('description', !blank(measure.description));
      refuse('deadline', 'amountYuan', 'startsOn', 'endsOn');
      break;
  }
  return problems;
}

export interface EnforcementCaseDraft {
  readonly status: EnforcementStatus;
  readonly violations: readonly EnforcementViolation[];
  readonly measures: readonly EnforcementMeasure[];
  readonly decidedBy: string | null;
  readonly decidedOn: string | null;
}

/**
 * A case under investigation may still be empty; from the decision on it names at least one
 * violation with its legal basis, at least one measure, who decided and on which day.
 */
export function checkEnforcementCase(draft: EnforcementCaseDraft, previous: EnforcementStatus | null = null): EnforcementProblem[] {
  const problems: EnforcementProblem[] = [];
  draft.violations.forEach((violation, index) => {
    if (blank(violation.description)) problems.push({ field: `violations.${index}.description`, problem: 'required' });
    if (blank(violation.legalBasis)) problems.push({ field: `violations.${index}.legalBasis`, problem: 'required' });
  });
  draft.measures.forEach((measure, index) => problems.push(...checkEnforcementMeasure(measure, `measures.${index}`)));
  if (draft.decidedOn !== null && !isCalendarDate(draft.decidedOn)) problems.push({ field: 'decidedOn', problem: 'invalid_date' });
  if (previous !== null && ENFORCEMENT_STATUSES.indexOf(draft.status) < ENFORCEMENT_STATUSES.indexOf(previous)) problems.push({ field: 'status', problem: 'status_backwards' });
  if (draft.status !== 'investigating') {
    if (draft.violations.length === 0) problems.push({ field: 'violations', problem: 'required' });
    if (draft.measures.length === 0) problems.push({ field: 'measures', problem: 'required' });
    if (blank(draft.decidedBy)) problems.push({ field: 'decidedBy', problem: 'required' });
    if (draft.decidedOn === null) problems.push({ field: 'decidedOn', problem: 'required' });
  }
  return problems;
}

/** The sum of the fines of a case, in whole yuan. */
export function totalFineYuan(measures: readonly EnforcementMeasure[]): number {
  return measures.reduce((sum, measure) => sum + (measure.kind === 'fine' ? (measure.amountYuan ?? 0) : 0), 0);
}
