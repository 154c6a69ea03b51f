/**
 * The "double decrease" target (双下降): accidents and deaths both fewer than in the same period of
 * last year (RULES.md and DESIGN.md "Work safety", targets and ranking). Only a strictly lower
 * count is a decrease, so a region with no accidents in either year has not decreased; the figures
 * compared must be of the same kind (both "as reported at the time" or both "as corrected now").
 */
import type { Label } from './label.js';

export interface AccidentTally {
  accidents: number;
  deaths: number;
}

export const DOUBLE_DECREASE_STATUSES = ['both_down', 'one_down', 'none_down'] as const;
export type DoubleDecreaseStatus = (typeof DOUBLE_DECREASE_STATUSES)[number];

export const DOUBLE_DECREASE_LABELS: Record<DoubleDecreaseStatus, Label> = {
  both_down: { 'zh-CN': '双下降', en: 'Both down' },
  one_down: { 'zh-CN': '单下降', en: 'One down' },
  none_down: { 'zh-CN': '未下降', en: 'Neither down' },
};

export function doubleDecreaseStatus(current: AccidentTally, samePeriodLastYear: AccidentTally): DoubleDecreaseStatus {
  for (const tally of [current, samePeriodLastYear]) {
    if (!isCount(tally.accidents) || !isCount(tally.deaths)) throw new RangeError('accident and death counts must be non-negative integers');
  }
  const down = Number(current.accidents < samePeriodLastYear.accidents) + Number(current.deaths < samePeriodLastYear.deaths);
  return down === 2 ? 'both_down' : down === 1 ? 'one_down' : 'none_down';
}

/**
 * Change against last year: `delta` is current − previous; `ratio` is delta / previous (−0.25 is a
 * fall of 25 %), or null when last year was 0 and no ratio exists.
 */
export function yearOnYearChange(current: number, previous: number): { delta: number; ratio: number | null } {
  if (!isCount(current) || !isCount(previous)) throw new RangeError('counts must be non-negative integers');
  const delta = current - previous;
  return { delta, ratio: previous === 0 ? null : delta / previous };
}

function isCount(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}
