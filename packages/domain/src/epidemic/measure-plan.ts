/**
 * The measure plan of one person: which measure applies from which day to which, when to test and
 * when it ends. DESIGN.md: "Release dates are computed, not typed". Nobody enters an end date; the
 * plan follows from the person's category, the dated fact that starts it and the policy edition.
 *
 * The edition is the one in force on the START date, not on the day the plan is computed: a contact
 * exposed on 10 November 2022 is quarantined under the rule that applied when the exposure happened
 * (the 9th edition), even when tracing finds them on 12 November. SORMAS users had to correct
 * follow-up end dates by hand because the system counted them from the wrong date; anchoring both
 * the count and the edition on the start date is what prevents that.
 */
import { PERSON_CATEGORIES, findCategory, type CategoryCode, type PersonCategory, type StartDateField } from './categories.js';
import { addDays, isDate } from './dates.js';
import {
  POLICY_EDITIONS,
  editionInForce,
  type AreaRiskLevel,
  type ControlMeasure,
  type EpidemicPolicyEdition,
  type MeasurePlanRule,
  type ReleaseCondition,
} from './policy-editions.js';

export interface PersonForPlan {
  readonly category: CategoryCode;
  readonly lastExposureDate?: string | null;
  readonly arrivalDate?: string | null;
  readonly sampleDate?: string | null;
  readonly onsetDate?: string | null;
  readonly reportDate?: string | null;
  /**
   * For a domestic arrival, the level of the area they came from; the edition's travel-history
   * rule for that level then applies instead of the category's own (which is the inbound rule).
   */
  readonly fromAreaLevel?: AreaRiskLevel | null;
}

export interface PlannedStep {
  readonly measure: ControlMeasure;
  readonly from: string;
  /** Inclusive last day; null while it lasts until release. */
  readonly to: string | null;
}

export interface PlannedTest {
  /** Days after the start date (the start date is day 0). */
  readonly day: number;
  readonly date: string;
  readonly setting: ControlMeasure;
}

export interface MeasurePlan {
  readonly edition: string;
  readonly category: CategoryCode;
  readonly startDate: string;
  readonly startField: StartDateField;
  readonly steps: readonly PlannedStep[];
  /** Last day of the plan; null when it ends on a release condition. */
  readonly endDate: string | null;
  readonly tests: readonly PlannedTest[];
  /** Tests needed before release on top of the scheduled ones; copied so the plan stands alone in history. */
  readonly release: ReleaseCondition | null;
  /** The rule applied is marked [verify] in the edition data. */
  readonly verify: boolean;
}

export type MeasurePlanFailure = 'missing_start_date' | 'no_edition_in_force' | 'category_not_managed';

export type MeasurePlanResult = { ok: true; plan: MeasurePlan } | { ok: false; reason: MeasurePlanFailure };

/**
 * Computes the plan. An unknown category, or one the edition does not mention, is not managed; a
 * start date that is present but not a real YYYY-MM-DD date throws a RangeError (the request schema
 * should have refused it), while an absent or empty one is `missing_start_date`.
 */
export function computeMeasurePlan(
  person: PersonForPlan,
  editions: readonly EpidemicPolicyEdition[] = POLICY_EDITIONS,
  categories: readonly PersonCategory[] = PERSON_CATEGORIES,
): MeasurePlanResult {
  const category = findCategory(person.category, categories);
  if (category === undefined) return { ok: false, reason: 'category_not_managed' };
  const start = startOf(person, category);
  if (start === null) return { ok: false, reason: 'missing_start_date' };
  if (!isDate(start.date)) throw new RangeError(`${start.field} must be a YYYY-MM-DD date`);
  const edition = editionInForce(start.date, editions);
  if (edition === null) return { ok: false, reason: 'no_edition_in_force' };
  const rule = ruleFor(person, edition);
  if (rule === undefined) return { ok: false, reason: 'category_not_managed' };
  return { ok: true, plan: planFromRule(rule, edition.code, category.code, start.date, start.field) };
}

export type RecomputeResult =
  | { ok: true; plan: MeasurePlan; changed: boolean }
  | { ok: false; reason: MeasurePlanFailure; changed: boolean };

/**
 * Recomputes after the person's record changed (a later exposure found, a category changed, an
 * edition corrected). `changed` tells the caller to keep `previous` in the plan history; a plan
 * that can no longer be computed counts as a change when there was one before.
 */
export function recomputeOnChange(
  previous: MeasurePlan | null,
  person: PersonForPlan,
  editions: readonly EpidemicPolicyEdition[] = POLICY_EDITIONS,
  categories: readonly PersonCategory[] = PERSON_CATEGORIES,
): RecomputeResult {
  const result = computeMeasurePlan(person, editions, categories);
  if (!result.ok) return { ok: false, reason: result.reason, changed: previous !== null };
  return { ok: true, plan: result.plan, changed: previous === null || !samePlan(previous, result.plan) };
}

function startOf(person: PersonForPlan, category: PersonCategory): { field: StartDateField; date: string } | null {
  for (const field of [category.startDateField, category.startDateFallback]) {
    if (field === undefined) continue;
    const date = person[field];
    if (typeof date === 'string' && date !== '') return { field, date };
  }
  return null;
}

function ruleFor(person: PersonForPlan, edition: EpidemicPolicyEdition): MeasurePlanRule | undefined {
  const level = person.fromAreaLevel;
  if (person.category === 'arrival_key_area' && level !== undefined && level !== null) {
    // An edition without a rule for that level set no measure for such travellers.
    return edition.areaRules?.travelHistory?.[level];
  }
  return edition.measures[person.category];
}

function planFromRule(
  rule: MeasurePlanRule,
  edition: string,
  category: CategoryCode,
  startDate: string,
  startField: StartDateField,
): MeasurePlan {
  // Day ranges [fromDay, toDay] per step; toDay null for a step that lasts until release.
  const ranges: Array<{ measure: ControlMeasure; fromDay: number; toDay: number | null }> = [];
  let lastDay = 0;
  for (const [i, step] of rule.steps.entries()) {
    const fromDay = i === 0 ? 0 : lastDay + 1;
    const toDay = step.days === null ? null : lastDay + step.days;
    ranges.push({ measure: step.measure, fromDay, toDay });
    if (toDay === null) break;
    lastDay = toDay;
  }
  const steps = ranges.map((r) => ({
    measure: r.measure,
    from: addDays(startDate, r.fromDay),
    to: r.toDay === null ? null : addDays(startDate, r.toDay),
  }));
  const tests = rule.testDays.map((day) => ({
    day,
    date: addDays(startDate, day),
    setting: (ranges.find((r) => r.toDay === null || day <= r.toDay) ?? ranges.at(-1))?.measure ?? 'none',
  }));
  return {
    edition,
    category,
    startDate,
    startField,
    steps,
    endDate: steps.at(-1)?.to ?? null,
    tests,
    release: rule.release ?? null,
    verify: rule.verify === true,
  };
}

/** Field by field, so a plan read back from storage with its keys in another order compares equal. */
function samePlan(a: MeasurePlan, b: MeasurePlan): boolean {
  return (
    a.edition === b.edition &&
    a.category === b.category &&
    a.startDate === b.startDate &&
    a.startField === b.startField &&
    a.endDate === b.endDate &&
    a.verify === b.verify &&
    a.steps.length === b.steps.length &&
    a.steps.every((s, i) => s.measure === b.steps[i]?.measure && s.from === b.steps[i]?.from && s.to === b.steps[i]?.to) &&
    a.tests.length === b.tests.length &&
    a.tests.every((t, i) => t.day === b.tests[i]?.day && t.date === b.tests[i]?.date && t.setting === b.tests[i]?.setting) &&
    a.release?.negativeTests === b.release?.negativeTests &&
    a.release?.hoursApart === b.release?.hoursApart &&
    a.release?.fromDay === b.release?.fromDay
  );
}
