import type { MeasurePlan } from '@shoutu/domain';
import { NEW_INFECTION_CATEGORIES } from '../areas/infections.js';
import { shiftDay } from '../followups/calendar.js';
import { chinaToday } from '../persons/persons.input.js';

/**
 * The maintained counters behind the epidemic dashboard (decision 0017). Every write that changes
 * what the dashboard counts adds the change here, in its own transaction, so that the dashboard
 * sums a few thousand counter rows instead of reading a million persons.
 *
 * A counter cell is (series, day, region_code, key) → n:
 * - `managed` / `released` (day ''): persons by grid and category;
 * - `registered` (day = China day of registration): new registrations per day and grid;
 * - `new_infection` (day = report date): confirmed and asymptomatic persons per report day and
 *   grid, whatever their status: the risk areas' clocks run from the latest one;
 * - `measure` (key = measure) and `release_due` are cumulative: a cell holds the change on that
 *   day (+1 when a step starts, −1 the day after it ends; +1 on a plan's end date), and the value
 *   on day D is the sum of the cells dated on or before D. Cells dated before yesterday are folded
 *   into the cell dated '' as they are written, so a grid keeps one base cell and its future days;
 * - `followed_up` (day = follow-up day): persons under a measure that day who had a follow-up;
 *   exact for yesterday and today, the only days it is read for;
 * - `travel_check` (key = decision, day = check day, region = the check's region).
 *
 * Deleting epidemic data (retention, SECURITY.md row 19) must take each deleted person's
 * `personCells(facts, −1)` and follow-up marks, and each deleted travel check's cell, off the
 * counters in the same transaction — or rebuild them with `rebuildEpidemicCounters` afterwards.
 */
export type CounterSeries = 'managed' | 'released' | 'registered' | 'new_infection' | 'measure' | 'release_due' | 'followed_up' | 'travel_check';

/** Series whose value on a day is the sum of the cells up to it. */
export const CUMULATIVE_SERIES: readonly CounterSeries[] = ['measure', 'release_due'];

/**
 * How many days back (today included) the dashboard reads each daily series; older cells are
 * never read and the fold job deletes them. `new_infection` keeps its history: an area's clock
 * may run from an infection long ago.
 */
export const READ_WINDOW_DAYS = { registered: 30, followed_up: 2, travel_check: 7 } as const satisfies Partial<Record<CounterSeries, number>>;

/** The day of a cell that has no day (persons by status) and of a cumulative series' base. */
export const NO_DAY = '';

export interface CounterCell {
  series: CounterSeries;
  day: string;
  regionCode: string;
  key: string;
}

export function cellId(cell: CounterCell): string {
  return `${cell.series}|${cell.day}|${cell.regionCode}|${cell.key}`;
}

/** Changes to counter cells, summed per cell; a change that nets out to nothing is dropped. */
export class CounterDeltas {
  private readonly cells = new Map<string, { cell: CounterCell; n: number }>();

  add(series: CounterSeries, day: string, regionCode: string, key: string, n: number): void {
    if (n === 0) return;
    const cell = { series, day, regionCode, key };
    const id = cellId(cell);
    const entry = this.cells.get(id);
    if (entry) entry.n += n;
    else this.cells.set(id, { cell, n });
  }

  merge(other: CounterDeltas): void {
    for (const { cell, n } of other.entries()) this.add(cell.series, cell.day, cell.regionCode, cell.key, n);
  }

  entries(): Array<{ cell: CounterCell; n: number }> {
    return [...this.cells.values()].filter((entry) => entry.n !== 0);
  }

  get size(): number {
    return this.entries().length;
  }
}

/** What the counters know of a person. */
export interface PersonFacts {
  regionCode: string;
  category: string;
  status: 'managed' | 'released';
  /** ISO time of registration. */
  createdAt: string;
  reportDate: string | null;
  /** The current measure plan; null when none could be computed. */
  plan: MeasurePlan | null;
}

const INFECTIONS = new Set<string>(NEW_INFECTION_CATEGORIES);

/** The measure the plan puts the person under on a day; null when none (before, after, or 'none'). */
export function measureOn(plan: MeasurePlan | null, day: string): string | null {
  const step = plan?.steps.find((s) => s.measure !== 'none' && s.from <= day && (s.to === null || day <= s.to));
  return step?.measure ?? null;
}

/**
 * Adds (sign 1) or takes off (sign −1) everything a person counts for, except follow-up marks;
 * `sign` may also be the number of persons alike (an import counts each group of them once).
 */
export function addPerson(deltas: CounterDeltas, facts: PersonFacts, sign: number): void {
  const region = facts.regionCode;
  deltas.add(facts.status, NO_DAY, region, facts.category, sign);
  deltas.add('registered', chinaToday(new Date(facts.createdAt)), region, '', sign);
  if (INFECTIONS.has(facts.category) && facts.reportDate) deltas.add('new_infection', facts.reportDate, region, '', sign);
  if (facts.status !== 'managed' || !facts.plan) return;
  for (const step of facts.plan.steps) {
    if (step.measure === 'none') continue;
    deltas.add('measure', step.from, region, step.measure, sign);
    if (step.to !== null) deltas.add('measure', shiftDay(step.to, 1), region, step.measure, -sign);
  }
  if (facts.plan.endDate !== null) deltas.add('release_due', facts.plan.endDate, region, '', sign);
}

/** A follow-up counts on its day when the person was under a measure that day. */
export function followupMark(deltas: CounterDeltas, facts: PersonFacts, day: string, sign: 1 | -1): void {
  if (facts.status === 'managed' && measureOn(facts.plan, day) !== null) deltas.add('followed_up', day, facts.regionCode, '', sign);
}

/** The days whose follow-up marks are read: yesterday and today. */
export function markedDays(today: string): [string, string] {
  return [shiftDay(today, -1), today];
}

/**
 * The change of a person from `before` to `after` (null: not registered / gone). `followedUp`
 * holds the days of yesterday and today on which the person had a follow-up.
 */
export function personDeltas(before: PersonFacts | null, after: PersonFacts | null, followedUp: ReadonlySet<string>, today: string): CounterDeltas {
  const deltas = new CounterDeltas();
  if (before) addPerson(deltas, before, -1);
  if (after) addPerson(deltas, after, 1);
  for (const day of markedDays(today)) {
    if (!followedUp.has(day)) continue;
    if (before) followupMark(deltas, before, day, -1);
    if (after) followupMark(deltas, after, day, 1);
  }
  return deltas;
}
