import { describe, it, expect } from 'vitest';
import { editionProblems } from './edition-problems.js';
import { POLICY_EDITIONS, type EpidemicPolicyEdition, type MeasurePlanRule } from './policy-editions.js';

const base: EpidemicPolicyEdition = {
  code: 'city_example',
  name: { 'zh-CN': '示例', en: 'Example' },
  effectiveFrom: '2022-08-01',
  effectiveTo: '2022-09-01',
  source: 'example',
  measures: {},
};
const withRule = (rule: MeasurePlanRule): EpidemicPolicyEdition => ({ ...base, measures: { close_contact: rule } });

describe('edition problems', () => {
  it.each(POLICY_EDITIONS.map((e) => [e.code, e] as const))('finds none in the national edition %s', (_code, e) => {
    expect(editionProblems(e)).toEqual([]);
  });

  it.each<[string, EpidemicPolicyEdition, string]>([
    ['an empty code', { ...base, code: ' ' }, 'code is empty'],
    ['an impossible start date', { ...base, effectiveFrom: '2022-02-30' }, 'effectiveFrom is not a YYYY-MM-DD date'],
    ['an end before the start', { ...base, effectiveTo: '2022-08-01' }, 'effectiveTo is not after effectiveFrom'],
    ['a rule without steps', withRule({ steps: [], testDays: [] }), 'measures.close_contact: has no steps'],
    [
      "'none' next to another measure",
      withRule({ steps: [{ measure: 'none', days: 0 }, { measure: 'home_quarantine', days: 3 }], testDays: [] }),
      "measures.close_contact: 'none' must be the only step, with 0 days",
    ],
    [
      'a fractional day count',
      withRule({ steps: [{ measure: 'home_quarantine', days: 2.5 }], testDays: [] }),
      'measures.close_contact: step days must be a whole number ≥ 1',
    ],
    [
      'an open-ended step before another',
      withRule({
        steps: [{ measure: 'hospital', days: null }, { measure: 'health_monitoring', days: 14 }],
        testDays: [],
        release: { negativeTests: 2, hoursApart: 24 },
      }),
      'measures.close_contact: only the last step may last until release',
    ],
    [
      'an open-ended step without a release condition',
      withRule({ steps: [{ measure: 'hospital', days: null }], testDays: [] }),
      'measures.close_contact: a step until release needs a release condition',
    ],
    [
      'test days out of order',
      withRule({ steps: [{ measure: 'home_quarantine', days: 7 }], testDays: [1, 4, 3] }),
      'measures.close_contact: test days must increase',
    ],
    [
      'a test after the measures end',
      withRule({ steps: [{ measure: 'home_quarantine', days: 7 }], testDays: [1, 8] }),
      'measures.close_contact: test day 8 is after the last step ends',
    ],
    [
      'a test on day 0',
      withRule({ steps: [{ measure: 'home_quarantine', days: 7 }], testDays: [0] }),
      'measures.close_contact: test days must be whole numbers ≥ 1',
    ],
    [
      'an upward area transition',
      {
        ...base,
        areaRules: {
          levels: ['low', 'high'],
          unit: { 'zh-CN': '楼栋', en: 'building' },
          transitions: [{ from: 'low', to: 'high', daysWithoutNewInfection: 5 }],
        },
      },
      'areaRules low → high: must go down',
    ],
    [
      'a transition to a level the edition does not designate',
      {
        ...base,
        areaRules: {
          levels: ['low', 'high'],
          unit: { 'zh-CN': '楼栋', en: 'building' },
          transitions: [{ from: 'high', to: 'medium', daysWithoutNewInfection: 5 }],
        },
      },
      'areaRules high → medium: level not designated by this edition',
    ],
  ])('reports %s', (_what, e, problem) => {
    expect(editionProblems(e)).toContain(problem);
  });
});
