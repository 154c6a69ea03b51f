import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { GOVERNANCE_PLAN_PARTS, GOVERNANCE_PLAN_PART_LABELS, completePlan, missingPlanParts, type GovernancePlan } from './hazard-governance-plan.js';

const fullPlan: GovernancePlan = {
  goals_and_tasks: '消除液氯储罐区紧急切断缺失隐患',
  methods_and_measures: '加装紧急切断阀并接入SIS',
  funds_and_materials: '专项资金80万元，阀门已采购',
  responsible_body_and_persons: '设备部，张某某',
  time_limit_and_requirements: '2025年6月30日前完成并验收',
  safety_measures_and_emergency_plan: '降低储量，专人巡检，启动储罐泄漏专项预案',
};

describe('major-hazard governance plan (SAWS Order 16 art. 15)', () => {
  it('has the six parts of art. 15, in its order', () => {
    expect(GOVERNANCE_PLAN_PARTS.map((p) => GOVERNANCE_PLAN_PART_LABELS[p]['zh-CN'])).toEqual([
      '治理的目标和任务',
      '采取的方法和措施',
      '经费和物资的落实',
      '负责治理的机构和人员',
      '治理的时限和要求',
      '安全措施和应急预案',
    ]);
  });

  it('finds nothing missing in a plan with every part written', () => {
    expect(missingPlanParts(fullPlan)).toEqual([]);
  });

  it.each([[null], [undefined], [{}]])('finds all six parts missing in %j', (draft) => {
    expect(missingPlanParts(draft)).toEqual([...GOVERNANCE_PLAN_PARTS]);
  });

  it('counts a blank or whitespace-only part as missing', () => {
    expect(missingPlanParts({ ...fullPlan, funds_and_materials: '', safety_measures_and_emergency_plan: ' \n ' })).toEqual([
      'funds_and_materials',
      'safety_measures_and_emergency_plan',
    ]);
  });

  it('completes a full plan with its parts trimmed, and refuses an incomplete one', () => {
    expect(completePlan({ ...fullPlan, goals_and_tasks: '  目标 ' })?.goals_and_tasks).toBe('目标');
    expect(completePlan({ ...fullPlan, goals_and_tasks: '' })).toBeNull();
  });

  it('completes a plan exactly when nothing is missing', () => {
    const part = fc.constantFrom('', ' ', '有内容', ' 有内容 ');
    const drafts = fc.record(
      Object.fromEntries(GOVERNANCE_PLAN_PARTS.map((p) => [p, part])) as Record<keyof GovernancePlan, fc.Arbitrary<string>>,
      { requiredKeys: [] },
    );
    fc.assert(fc.property(drafts, (draft) => (completePlan(draft) !== null) === (missingPlanParts(draft).length === 0)));
  });
});
