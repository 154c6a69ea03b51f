/**
 * Safety certificates (安全生产资格证书) of the persons an enterprise must have certified: its
 * principal (主要负责人), its safety managers (安全生产管理人员) and its special-operation workers
 * (特种作业人员, 特种作业操作证). Work Safety Law (2021) art. 27 and 30 require them; 安监总管三〔2017〕
 * 121号 items 1 and 2 make a missing one a major hazard in a chemical enterprise.
 *
 * How long a certificate is valid is dated data (RULES.md): the edition in force on the day the
 * certificate was issued applies. RULES.md does not state these periods; they are known from
 * secondary copies of the regulations and marked verify until someone checks the texts.
 *
 * A certificate is valid through its due date, the earlier of its expiry and (for a special-operation
 * certificate) its next review (复审): a certificate not reviewed in time lapses like an expired one.
 * Dates are calendar days `YYYY-MM-DD` in China (UTC+8); "today" is `chinaDateOf(now)`.
 */
import type { Label } from './label.js';

export const CERTIFICATE_KINDS = ['principal', 'safety_manager', 'special_operation'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

export const CERTIFICATE_KIND_LABELS: Readonly<Record<CertificateKind, Label>> = {
  principal: { 'zh-CN': '主要负责人安全生产知识和管理能力考核合格证', en: "Principal's safety qualification" },
  safety_manager: { 'zh-CN': '安全生产管理人员安全生产知识和管理能力考核合格证', en: "Safety manager's safety qualification" },
  special_operation: { 'zh-CN': '特种作业操作证', en: 'Special-operation certificate' },
};

export interface CertificateValidityRule {
  kind: CertificateKind;
  /** The certificate expires on the same calendar day this many years after issue. */
  validityYears: number;
  /** Reviewed (复审) every this many years from issue within its validity; null: no review. */
  reviewEveryYears: number | null;
  /** Half-open `[effectiveFrom, effectiveTo)` by issue date; null: still in force. */
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  verify: boolean;
}

/**
 * Order 30 art. 19 and 21 as secondary copies give them: the special-operation certificate is valid
 * 6 years and reviewed every 3 (a worker with 10 years in the trade and a clean record may have the
 * review period extended to 6, a decision of the issuing authority recorded on the certificate as
 * its review date). The 3 years of the principal's and safety manager's certificates are what
 * provincial notices apply under Order 44; neither period is in RULES.md.
 */
export const CERTIFICATE_VALIDITY_RULES: readonly CertificateValidityRule[] = [
  {
    kind: 'special_operation',
    validityYears: 6,
    reviewEveryYears: 3,
    effectiveFrom: '2010-07-01',
    effectiveTo: null,
    source: '《特种作业人员安全技术培训考核管理规定》（原国家安全监管总局令第30号，2010年7月1日施行，2013年、2015年修正）第十九条、第二十一条',
    verify: true,
  },
  {
    kind: 'principal',
    validityYears: 3,
    reviewEveryYears: null,
    effectiveFrom: '2012-03-01',
    effectiveTo: null,
    source: '《安全生产培训管理办法》（原国家安全监管总局令第44号，2012年3月1日施行，2013年、2015年修正）及各省考核发证规定',
    verify: true,
  },
  {
    kind: 'safety_manager',
    validityYears: 3,
    reviewEveryYears: null,
    effectiveFrom: '2012-03-01',
    effectiveTo: null,
    source: '《安全生产培训管理办法》（原国家安全监管总局令第44号，2012年3月1日施行，2013年、2015年修正）及各省考核发证规定',
    verify: true,
  },
];

/** Days before its due date from which a certificate is "expiring" (临期) and alerted. */
export const CERTIFICATE_ALERT_WINDOW_DAYS = 90;

export type CertificateStatus = 'valid' | 'expiring' | 'expired';
export const CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['valid', 'expiring', 'expired'];

export const CERTIFICATE_STATUS_LABELS: Readonly<Record<CertificateStatus, Label>> = {
  valid: { 'zh-CN': '有效', en: 'Valid' },
  expiring: { 'zh-CN': '临期', en: 'Expiring' },
  expired: { 'zh-CN': '已过期', en: 'Expired' },
};

/** What falls due first: the expiry of the certificate or its review. */
export type CertificateDue = 'expiry' | 'review';

export interface CertificateDates {
  expiresOn: string;
  /** The next review (复审) date; null when the kind has no review or it is not known. */
  reviewDueOn: string | null;
}

export interface CertificateStanding {
  status: CertificateStatus;
  due: CertificateDue;
  /** The earlier of expiry and review: the last day the certificate stands without action. */
  dueOn: string;
  /** dueOn − today in days: 0 on the due date itself, negative once it has passed. */
  daysLeft: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real calendar date, or null (30 February is not one). */
function dayNumber(date: string): number | null {
  const m = typeof date === 'string' ? DATE.exec(date) : null;
  if (m === null) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

function requireDay(date: string, name: string): number {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`${name} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return day;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function addCalendarDays(date: string, days: number): string {
  return dateOf(requireDay(date, 'date') + days);
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addCertificateYears(date: string, years: number): string {
  requireDay(date, 'date');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const lastDay = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The rule in force on the day a certificate of `kind` was issued, or null before any edition. */
export function certificateRuleFor(kind: CertificateKind, issuedOn: string, rules: readonly CertificateValidityRule[] = CERTIFICATE_VALIDITY_RULES): CertificateValidityRule | null {
  const day = requireDay(issuedOn, 'issuedOn');
  return rules.find((rule) => rule.kind === kind && requireDay(rule.effectiveFrom, 'effectiveFrom') <= day && (rule.effectiveTo === null || day < requireDay(rule.effectiveTo, 'effectiveTo'))) ?? null;
}

/**
 * The dates a certificate gets by the rule when the form leaves them out: expiry `validityYears`
 * after issue, and the first review `reviewEveryYears` after issue (none when it would not fall
 * before the expiry). Null when no edition applies to the issue date: the dates must be typed.
 */
export function defaultCertificateDates(kind: CertificateKind, issuedOn: string, rules?: readonly CertificateValidityRule[]): CertificateDates | null {
  const rule = certificateRuleFor(kind, issuedOn, rules);
  if (rule === null) return null;
  const expiresOn = addCertificateYears(issuedOn, rule.validityYears);
  return { expiresOn, reviewDueOn: nextReviewDue(rule, issuedOn, expiresOn) };
}

/** After a review on `reviewedOn`, the next one: `reviewEveryYears` later, or none when the certificate expires first. */
export function reviewDueAfter(kind: CertificateKind, issuedOn: string, reviewedOn: string, expiresOn: string, rules?: readonly CertificateValidityRule[]): string | null {
  const rule = certificateRuleFor(kind, issuedOn, rules);
  return rule === null ? null : nextReviewDue(rule, reviewedOn, expiresOn);
}

function nextReviewDue(rule: CertificateValidityRule, from: string, expiresOn: string): string | null {
  if (rule.reviewEveryYears === null) return null;
  const due = addCertificateYears(from, rule.reviewEveryYears);
  return requireDay(due, 'reviewDueOn') < requireDay(expiresOn, 'expiresOn') ? due : null;
}

export type CertificateDateProblem = {
  field: 'issuedOn' | 'expiresOn' | 'reviewDueOn';
  problem: 'invalid_date' | 'in_future' | 'not_after_issue' | 'not_before_expiry';
};

/**
 * What is wrong with a certificate's dates: each must be a real date, the issue not after today,
 * the expiry after the issue, and a review between the two.
 */
export function checkCertificateDates(dates: { issuedOn: string } & CertificateDates, today: string): CertificateDateProblem[] {
  const problems: CertificateDateProblem[] = [];
  const issued = dayNumber(dates.issuedOn);
  const expires = dayNumber(dates.expiresOn);
  const review = dates.reviewDueOn === null ? null : dayNumber(dates.reviewDueOn);
  if (issued === null) problems.push({ field: 'issuedOn', problem: 'invalid_date' });
  else if (issued > requireDay(today, 'today')) problems.push({ field: 'issuedOn', problem: 'in_future' });
  if (expires === null) problems.push({ field: 'expiresOn', problem: 'invalid_date' });
  else if (issued !== null && expires <= issued) problems.push({ field: 'expiresOn', problem: 'not_after_issue' });
  if (dates.reviewDueOn !== null) {
    if (review === null) problems.push({ field: 'reviewDueOn', problem: 'invalid_date' });
    else if (issued !== null && review <= issued) problems.push({ field: 'reviewDueOn', problem: 'not_after_issue' });
    else if (expires !== null && review >= expires) problems.push({ field: 'reviewDueOn', problem: 'not_before_expiry' });
  }
  return problems;
}

/** The earlier of expiry and review, and which one it is (expiry on a tie). */
export function certificateDueOn(dates: CertificateDates): { due: CertificateDue; dueOn: string } {
  const expires = requireDay(dates.expiresOn, 'expiresOn');
  if (dates.reviewDueOn !== null && requireDay(dates.reviewDueOn, 'reviewDueOn') < expires) return { due: 'review', dueOn: dates.reviewDueOn };
  return { due: 'expiry', dueOn: dates.expiresOn };
}

/**
 * A certificate's standing on `today`: valid through its due date; expiring from `windowDays`
 * before it up to and including the due date itself; expired from the day after.
 */
export function certificateStanding(dates: CertificateDates, today: string, windowDays: number = CERTIFICATE_ALERT_WINDOW_DAYS): CertificateStanding {
  if (!Number.isSafeInteger(windowDays) || windowDays < 0) throw new RangeError('windowDays must be a whole number of days, 0 or more');
  const { due, dueOn } = certificateDueOn(dates);
  const daysLeft = requireDay(dueOn, 'dueOn') - requireDay(today, 'today');
  const status: CertificateStatus = daysLeft < 0 ? 'expired' : daysLeft <= windowDays ? 'expiring' : 'valid';
  return { status, due, dueOn, daysLeft };
}

/**
 * The due dates that give `status` on `today`, as an inclusive range (null for an open end), so
 * that a list can filter on a stored due date with the same bounds `certificateStanding` uses.
 */
export function dueOnRangeFor(status: CertificateStatus, today: string, windowDays: number = CERTIFICATE_ALERT_WINDOW_DAYS): { from: string | null; to: string | null } {
  if (status === 'expired') return { from: null, to: addCalendarDays(today, -1) };
  if (status === 'expiring') return { from: today, to: addCalendarDays(today, windowDays) };
  return { from: addCalendarDays(today, windowDays + 1), to: null };
}
