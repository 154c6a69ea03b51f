/**
 * The governance plan of a major hazard (重大事故隐患治理方案), SAWS Order 16 《安全生产事故隐患
 * 排查治理暂行规定》 (2007) art. 15: the unit's principal person has it drawn up and carried out,
 * and it holds six parts. RULES.md "Work safety".
 */
import type { Label } from './label.js';

/** Art. 15 (一)–(六), in that order. */
export const GOVERNANCE_PLAN_PARTS = [
  'goals_and_tasks',
  'methods_and_measures',
  'funds_and_materials',
  'responsible_body_and_persons',
  'time_limit_and_requirements',
  'safety_measures_and_emergency_plan',
] as const;
export type GovernancePlanPart = (typeof GOVERNANCE_PLAN_PARTS)[number];

export type GovernancePlan = Record<GovernancePlanPart, string>;

export const GOVERNANCE_PLAN_PART_LABELS: Record<GovernancePlanPart, Label> = {
  goals_and_tasks: { 'zh-CN': '治理的目标和任务', en: 'Goals and tasks' },
  methods_and_measures: { 'zh-CN': '采取的方法和措施', en: 'Methods and measures' },
  funds_and_materials: { 'zh-CN': '经费和物资的落实', en: 'Funds and materials' },
  responsible_body_and_persons: { 'zh-CN': '负责治理的机构和人员', en: 'Responsible body and persons' },
  time_limit_and_requirements: { 'zh-CN': '治理的时限和要求', en: 'Time limit and requirements' },
  safety_measures_and_emergency_plan: { 'zh-CN': '安全措施和应急预案', en: 'Safety measures and emergency plan' },
};

/** The parts a draft plan leaves out or leaves blank, in art. 15 order; [] when it is complete. */
export function missingPlanParts(draft: Partial<Record<GovernancePlanPart, string>> | null | undefined): GovernancePlanPart[] {
  return GOVERNANCE_PLAN_PARTS.filter((part) => !isFilled(draft?.[part]));
}

/** A complete plan with every part trimmed, or null when a part is missing. */
export function completePlan(draft: Partial<Record<GovernancePlanPart, string>> | null | undefined): GovernancePlan | null {
  if (draft == null || missingPlanParts(draft).length > 0) return null;
  const plan = {} as GovernancePlan;
  for (const part of GOVERNANCE_PLAN_PARTS) plan[part] = (draft[part] ?? '').trim();
  return plan;
}

function isFilled(text: unknown): boolean {
  return typeof text === 'string' && text.trim() !== '';
}
