import { computeMeasurePlan, POLICY_EDITIONS, recomputeOnChange, type MeasurePlan as DomainPlan, type MeasurePlanFailure } from '@shoutu/domain';
import type { PlanRow } from './persons.repository.js';
import type { MeasurePlan } from './persons.schema.js';

/** The facts a measure plan is computed from. */
export interface PlanFacts {
  category: string;
  onsetDate: string | null;
  lastExposureDate: string | null;
  sampleDate: string | null;
  reportDate: string | null;
  arrivalDate: string | null;
}

export type PlanOutcome = { ok: true; plan: DomainPlan } | { ok: false; reason: MeasurePlanFailure };

/** The plan for these facts under the edition in force on their start date (the domain's rule). */
export function planFor(facts: PlanFacts): PlanOutcome {
  return computeMeasurePlan(facts);
}

/**
 * The plan after a change of the facts, and whether it differs from the stored one: a change of
 * a date that is not the start date leaves the plan as it was, and no new history entry is made.
 */
export function replan(previous: PlanRow | undefined, facts: PlanFacts): { outcome: PlanOutcome; changed: boolean } {
  const result = recomputeOnChange(previous ? (JSON.parse(previous.plan) as DomainPlan) : null, facts);
  return { outcome: result.ok ? { ok: true, plan: result.plan } : { ok: false, reason: result.reason }, changed: result.changed };
}

/** Why a person has no plan, for the UI to say what is missing. */
export function planProblem(facts: PlanFacts): MeasurePlanFailure | null {
  const outcome = computeMeasurePlan(facts);
  return outcome.ok ? null : outcome.reason;
}

function today(plan: DomainPlan, day: string): { measure: string; phase: 'upcoming' | 'active' | 'ended' } {
  const steps = plan.steps;
  const current = steps.find((s) => s.from <= day && (s.to === null || day <= s.to));
  if (current) return { measure: current.measure, phase: 'active' };
  const first = steps[0];
  if (!first) return { measure: 'none', phase: 'ended' };
  return day < first.from ? { measure: first.measure, phase: 'upcoming' } : { measure: steps[steps.length - 1]?.measure ?? 'none', phase: 'ended' };
}

export function toMeasurePlan(row: PlanRow, day: string): MeasurePlan {
  const plan = JSON.parse(row.plan) as DomainPlan;
  const byCode = POLICY_EDITIONS.find((e) => e.code === plan.edition);
  return {
    id: row.id,
    edition: plan.edition,
    editionName: byCode ? { 'zh-CN': byCode.name['zh-CN'], en: byCode.name.en } : { 'zh-CN': plan.edition, en: plan.edition },
    editionSource: byCode?.source ?? '',
    category: plan.category,
    ...today(plan, day),
    startField: plan.startField,
    from: plan.startDate,
    to: plan.endDate,
    endDate: plan.endDate,
    steps: plan.steps.map((s) => ({ measure: s.measure, from: s.from, to: s.to })),
    tests: plan.tests.map((t) => ({ day: t.day, date: t.date, setting: t.setting })),
    release: plan.release ? { negativeTests: plan.release.negativeTests, hoursApart: plan.release.hoursApart, ...(plan.release.fromDay !== undefined ? { fromDay: plan.release.fromDay } : {}) } : null,
    verify: plan.verify,
    computedAt: row.computed_at,
    supersededAt: row.superseded_at,
  };
}
