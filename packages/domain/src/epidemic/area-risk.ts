/**
 * Graded area risk (分区分级): low / medium / high areas and how they step down when no new
 * infection is found. RULES.md "Epidemic control"; the transitions are data in each edition's
 * `areaRules` (policy-editions.ts).
 */
import { addDays, isDate } from './dates.js';
import { AREA_LEVEL_RANK, type AreaLevelTransition, type AreaRiskLevel, type EpidemicPolicyEdition } from './policy-editions.js';

/** The edition's step-downs; empty when it grades no areas. */
export function areaLevelTransitions(edition: EpidemicPolicyEdition): readonly AreaLevelTransition[] {
  return edition.areaRules?.transitions ?? [];
}

export interface AreaLevelInput {
  /** The level the area was given when its last new infection was found (a new one restarts the clock). */
  readonly level: AreaRiskLevel;
  readonly lastNewInfectionDate: string;
  readonly today: string;
  /** The edition in force today: a step-down follows the rule in force when it happens. */
  readonly edition: EpidemicPolicyEdition;
}

export interface AreaLevelResult {
  readonly level: AreaRiskLevel;
  /** The day the area took this level; null when it still has the level it was given. */
  readonly changedOn: string | null;
  /** The next step-down if no new infection is found before it. */
  readonly next: { readonly level: AreaRiskLevel; readonly on: string } | null;
}

/**
 * The area's level today. "N days with no new infection" means the N full days after the day of the
 * last one, so the step-down takes effect the day after those: an infection on 1 July and a 7-day
 * rule give the new level on 9 July (a day's level must hold for the whole day, and the 7th day is
 * known to be clear only when it is over).
 *
 * An edition without risk areas (Class B) makes every area low from its first day; a level the
 * edition no longer designates (medium under the "20 measures") becomes low likewise. No change is
 * dated before the edition's first day.
 */
export function nextAreaLevel(input: AreaLevelInput): AreaLevelResult {
  const { level, lastNewInfectionDate, today, edition } = input;
  if (!isDate(lastNewInfectionDate) || !isDate(today)) throw new RangeError('dates must be YYYY-MM-DD');
  const rules = edition.areaRules;
  if (rules === undefined) return { level, changedOn: null, next: null };
  if (!rules.levels.includes(level) && level !== 'low') {
    return edition.effectiveFrom <= today
      ? { level: 'low', changedOn: edition.effectiveFrom, next: null }
      : { level, changedOn: null, next: { level: 'low', on: edition.effectiveFrom } };
  }
  let current: AreaRiskLevel = level;
  let changedOn: string | null = null;
  let next: AreaLevelResult['next'] = null;
  const steps = rules.transitions
    .filter((t) => t.from === level)
    .sort((a, b) => a.daysWithoutNewInfection - b.daysWithoutNewInfection || AREA_LEVEL_RANK[b.to] - AREA_LEVEL_RANK[a.to]);
  for (const step of steps) {
    const due = addDays(lastNewInfectionDate, step.daysWithoutNewInfection + 1);
    const on = due < edition.effectiveFrom ? edition.effectiveFrom : due;
    if (on <= today) {
      current = step.to;
      changedOn = on;
    } else {
      next = { level: step.to, on };
      break;
    }
  }
  return { level: current, changedOn, next };
}

export interface County2020Counts {
  /** Confirmed cases in the county since the outbreak began (累计确诊病例). */
  readonly cumulativeCases: number;
  /** New confirmed cases in the last 14 days. */
  readonly newCasesIn14Days: number;
  /** A cluster outbreak (聚集性疫情) within the last 14 days. */
  readonly hasClusterIn14Days: boolean;
}

/**
 * The county-level grading of February 2020 (分区分级指导意见, 2020-02-17) [verify]: low when
 * there is no case or no new case for 14 days; high when more than 50 cases in all and a cluster
 * within 14 days; medium otherwise (new cases within 14 days and at most 50 in all, or more than 50
 * without a cluster). The guidance counts cases in all, not within 14 days, for the 50.
 */
export function classifyCounty2020(counts: County2020Counts): AreaRiskLevel {
  const { cumulativeCases, newCasesIn14Days, hasClusterIn14Days } = counts;
  if (!isCount(cumulativeCases) || !isCount(newCasesIn14Days)) throw new RangeError('case counts must be whole numbers ≥ 0');
  if (newCasesIn14Days === 0) return 'low';
  if (cumulativeCases > 50 && hasClusterIn14Days) return 'high';
  return 'medium';
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}
