/**
 * May this person be released from their measures today? The answer comes from the plan alone (its
 * end date, scheduled tests and release condition, copied from the edition when it was computed),
 * so a plan kept in history is judged by the rule it was made under.
 */
import { addDays, daysBetween, hoursBetween, isDate } from './dates.js';
import type { MeasurePlan } from './measure-plan.js';
import type { ReleaseCondition } from './policy-editions.js';

export interface NucleicAcidTest {
  /** Day the sample was taken. */
  readonly date: string;
  /** A sample with Ct ≥ 35 that the edition counts as negative is recorded as 'negative'. */
  readonly result: 'negative' | 'positive' | 'pending';
  /** Sampling instant with its offset (`2022-07-02T09:30:00+08:00`), when it was recorded. */
  readonly sampledAt?: string;
}

/** Stable codes, in this order when several apply. */
export type ReleaseBlocker = 'period_not_over' | 'tests_missing' | 'positive_test' | 'negative_tests_too_close';

export interface ReleaseCheckResult {
  readonly canRelease: boolean;
  readonly reasons: readonly ReleaseBlocker[];
}

/**
 * Release needs, as far as the plan has them:
 * - its end date reached: release happens on the last day, after that day's test (the protocols'
 *   "第7天核酸阴性后解除");
 * - without a release condition: a negative sample on every scheduled test day up to today, and no
 *   positive sample since the start (a positive contact becomes a case and gets a new plan);
 * - with one: the latest samples (from its `fromDay`) negative, N of them, each at least
 *   `hoursApart` after the one before. Scheduled test days are then only a timetable.
 * Samples before the start date and pending ones are ignored. Without `sampledAt` on both samples,
 * the gap is counted in whole days of 24 hours, so samples on consecutive days are 24 h apart.
 */
export function releaseCheck(
  plan: MeasurePlan,
  input: { today: string; tests: readonly NucleicAcidTest[] },
): ReleaseCheckResult {
  const { today } = input;
  if (!isDate(today)) throw new RangeError('today must be a YYYY-MM-DD date');
  // Nothing was imposed (e.g. Class B), so there is nothing to be released from.
  if (plan.steps.every((s) => s.measure === 'none')) return { canRelease: true, reasons: [] };
  const reasons = new Set<ReleaseBlocker>();
  if (plan.endDate !== null && today < plan.endDate) reasons.add('period_not_over');

  for (const t of input.tests) if (!isDate(t.date)) throw new RangeError('every test needs a YYYY-MM-DD date');
  const results = input.tests.filter((t) => t.result !== 'pending' && t.date >= plan.startDate).sort(bySampleTime);

  if (plan.release === null) {
    if (results.some((t) => t.result === 'positive')) reasons.add('positive_test');
    const negativeDays = new Set(results.filter((t) => t.result === 'negative').map((t) => t.date));
    if (plan.tests.some((t) => t.date <= today && !negativeDays.has(t.date))) reasons.add('tests_missing');
  } else {
    const blocker = conditionBlocker(plan.release, plan.startDate, results);
    if (blocker !== null) reasons.add(blocker);
  }

  const ordered = ORDER.filter((r) => reasons.has(r));
  return { canRelease: ordered.length === 0, reasons: ordered };
}

const ORDER: readonly ReleaseBlocker[] = ['period_not_over', 'tests_missing', 'positive_test', 'negative_tests_too_close'];

function conditionBlocker(
  condition: ReleaseCondition,
  startDate: string,
  sorted: readonly NucleicAcidTest[],
): ReleaseBlocker | null {
  const firstDay = addDays(startDate, condition.fromDay ?? 0);
  const counted = sorted.filter((t) => t.date >= firstDay);
  const last = counted.at(-1);
  if (last?.result === 'positive') return 'positive_test';
  const lastPositive = counted.findLastIndex((t) => t.result === 'positive');
  const negatives = counted.slice(lastPositive + 1);
  if (negatives.length < condition.negativeTests) return 'tests_missing';
  // Taking the earliest sample that is far enough from the one before gives the longest chain.
  let chain = 0;
  let previous: NucleicAcidTest | null = null;
  for (const sample of negatives) {
    if (previous === null || hoursFrom(previous, sample) >= condition.hoursApart) {
      chain += 1;
      previous = sample;
    }
  }
  return chain >= condition.negativeTests ? null : 'negative_tests_too_close';
}

function hoursFrom(a: NucleicAcidTest, b: NucleicAcidTest): number {
  if (a.sampledAt !== undefined && b.sampledAt !== undefined) {
    const hours = hoursBetween(a.sampledAt, b.sampledAt);
    if (hours !== null) return hours;
  }
  return daysBetween(a.date, b.date) * 24;
}

function bySampleTime(a: NucleicAcidTest, b: NucleicAcidTest): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const hours = a.sampledAt !== undefined && b.sampledAt !== undefined ? hoursBetween(b.sampledAt, a.sampledAt) : null;
  return hours === null ? 0 : Math.sign(hours);
}
