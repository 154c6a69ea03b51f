/**
 * Checks a policy edition before it is used, for city editions entered by an administrator: a
 * mistyped day count would otherwise silently shift every release date computed from it.
 */
import { isDate, toDayNumber } from './dates.js';
import { AREA_LEVEL_RANK, type EpidemicPolicyEdition, type MeasurePlanRule } from './policy-editions.js';

/** What is wrong with an edition, as readable lines; empty when it can be used. */
export function editionProblems(edition: EpidemicPolicyEdition): string[] {
  const problems: string[] = [];
  if (edition.code.trim() === '') problems.push('code is empty');
  if (!isDate(edition.effectiveFrom)) problems.push('effectiveFrom is not a YYYY-MM-DD date');
  if (edition.effectiveTo !== null) {
    if (!isDate(edition.effectiveTo)) problems.push('effectiveTo is not a YYYY-MM-DD date');
    else if (isDate(edition.effectiveFrom) && toDayNumber(edition.effectiveTo) <= toDayNumber(edition.effectiveFrom)) {
      problems.push('effectiveTo is not after effectiveFrom');
    }
  }
  for (const [category, rule] of Object.entries(edition.measures)) {
    if (rule !== undefined) for (const p of ruleProblems(rule)) problems.push(`measures.${category}: ${p}`);
  }
  const area = edition.areaRules;
  if (area !== undefined) {
    for (const t of area.transitions) {
      const where = `areaRules ${t.from} → ${t.to}`;
      if (!area.levels.includes(t.from) || !area.levels.includes(t.to)) problems.push(`${where}: level not designated by this edition`);
      if (AREA_LEVEL_RANK[t.to] >= AREA_LEVEL_RANK[t.from]) problems.push(`${where}: must go down`);
      if (!isWholeDays(t.daysWithoutNewInfection, 1)) problems.push(`${where}: days must be a whole number ≥ 1`);
    }
    for (const [level, rule] of Object.entries(area.travelHistory ?? {})) {
      if (rule !== undefined) for (const p of ruleProblems(rule)) problems.push(`areaRules.travelHistory.${level}: ${p}`);
    }
  }
  return problems;
}

function ruleProblems(rule: MeasurePlanRule): string[] {
  const problems: string[] = [];
  const { steps, testDays, release } = rule;
  if (steps.length === 0) problems.push('has no steps');
  const none = steps.some((s) => s.measure === 'none');
  if (none && (steps.length !== 1 || steps[0]?.days !== 0)) problems.push("'none' must be the only step, with 0 days");
  let total = 0;
  steps.forEach((step, i) => {
    if (step.measure === 'none') return;
    if (step.days === null) {
      if (i !== steps.length - 1) problems.push('only the last step may last until release');
      total = Number.POSITIVE_INFINITY;
    } else if (!isWholeDays(step.days, 1)) problems.push('step days must be a whole number ≥ 1');
    else total += step.days;
  });
  testDays.forEach((day, i) => {
    if (!isWholeDays(day, 1)) problems.push('test days must be whole numbers ≥ 1');
    else if (i > 0 && day <= (testDays[i - 1] ?? 0)) problems.push('test days must increase');
    else if (day > total) problems.push(`test day ${day} is after the last step ends`);
  });
  if (release !== undefined) {
    if (!isWholeDays(release.negativeTests, 1)) problems.push('release needs a whole number ≥ 1 of negative tests');
    if (!(release.hoursApart >= 0)) problems.push('release hoursApart must be ≥ 0');
    if (release.fromDay !== undefined && !isWholeDays(release.fromDay, 0)) problems.push('release fromDay must be a whole number ≥ 0');
  }
  if (steps.at(-1)?.days === null && release === undefined) problems.push('a step until release needs a release condition');
  return problems;
}

function isWholeDays(n: number, min: number): boolean {
  return Number.isInteger(n) && n >= min;
}
