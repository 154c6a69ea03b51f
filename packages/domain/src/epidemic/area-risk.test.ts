import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { areaLevelTransitions, classifyCounty2020, nextAreaLevel, type AreaLevelResult } from './area-risk.js';
import { addDays, fromDayNumber, toDayNumber } from './dates.js';
import { AREA_LEVEL_RANK, POLICY_EDITIONS, type AreaRiskLevel, type EpidemicPolicyEdition } from './policy-editions.js';

const edition = (code: string): EpidemicPolicyEdition => {
  const found = POLICY_EDITIONS.find((e) => e.code === code);
  if (found === undefined) throw new Error(code);
  return found;
};
const describeTransitions = (code: string): string[] =>
  areaLevelTransitions(edition(code)).map((t) => `${t.from} → ${t.to} after ${t.daysWithoutNewInfection}`);

describe('area risk levels', () => {
  describe('transitions by edition', () => {
    it.each([
      ['early_2020', ['high → low after 14', 'medium → low after 14']],
      ['edition_9', ['high → medium after 7', 'high → low after 10', 'medium → low after 7']],
      ['twenty_measures', ['high → low after 5']],
      ['ten_measures', ['high → low after 5']],
      ['class_b', []],
    ])('%s: %j', (code, transitions) => {
      expect(describeTransitions(code)).toEqual(transitions);
    });

    it('designates only high and low under the 20 measures, and no areas under Class B', () => {
      expect(edition('twenty_measures').areaRules?.levels).toEqual(['low', 'high']);
      expect(edition('class_b').areaRules?.levels).toEqual([]);
    });
  });

  describe('9th edition, last new infection on 1 July 2022', () => {
    const ninth = edition('edition_9');
    it.each<[AreaRiskLevel, string, AreaLevelResult]>([
      ['high', '2022-07-01', { level: 'high', changedOn: null, next: { level: 'medium', on: '2022-07-09' } }],
      ['high', '2022-07-08', { level: 'high', changedOn: null, next: { level: 'medium', on: '2022-07-09' } }],
      ['high', '2022-07-09', { level: 'medium', changedOn: '2022-07-09', next: { level: 'low', on: '2022-07-12' } }],
      ['high', '2022-07-11', { level: 'medium', changedOn: '2022-07-09', next: { level: 'low', on: '2022-07-12' } }],
      ['high', '2022-07-12', { level: 'low', changedOn: '2022-07-12', next: null }],
      ['medium', '2022-07-08', { level: 'medium', changedOn: null, next: { level: 'low', on: '2022-07-09' } }],
      ['medium', '2022-07-09', { level: 'low', changedOn: '2022-07-09', next: null }],
      ['low', '2022-07-20', { level: 'low', changedOn: null, next: null }],
    ])('a %s area on %s', (level, today, expected) => {
      expect(nextAreaLevel({ level, lastNewInfectionDate: '2022-07-01', today, edition: ninth })).toEqual(expected);
    });
  });

  it.each<[string, string, AreaRiskLevel, string, string, AreaLevelResult]>([
    ['20 measures: high falls to low after 5 clear days', 'twenty_measures', 'high', '2022-11-20', '2022-11-26', { level: 'low', changedOn: '2022-11-26', next: null }],
    ['20 measures: high holds on the 5th clear day', 'twenty_measures', 'high', '2022-11-20', '2022-11-25', { level: 'high', changedOn: null, next: { level: 'low', on: '2022-11-26' } }],
    ['20 measures: medium areas are abolished', 'twenty_measures', 'medium', '2022-11-09', '2022-11-12', { level: 'low', changedOn: '2022-11-11', next: null }],
    ['20 measures: no step-down dated before the edition', 'twenty_measures', 'high', '2022-11-01', '2022-11-12', { level: 'low', changedOn: '2022-11-11', next: null }],
    ['Class B: no risk areas from 8 January 2023', 'class_b', 'high', '2023-01-06', '2023-01-09', { level: 'low', changedOn: '2023-01-08', next: null }],
    ['Class B looked at before its first day: the change is still to come', 'class_b', 'high', '2023-01-01', '2023-01-05', { level: 'high', changedOn: null, next: { level: 'low', on: '2023-01-08' } }],
    ['early 2020: a county with no new case for 14 days is low', 'early_2020', 'high', '2020-02-20', '2020-03-06', { level: 'low', changedOn: '2020-03-06', next: null }],
  ])('%s', (_what, code, level, lastNewInfectionDate, today, expected) => {
    expect(nextAreaLevel({ level, lastNewInfectionDate, today, edition: edition(code) })).toEqual(expected);
  });

  it('leaves the level alone under an edition without area rules', () => {
    const city: EpidemicPolicyEdition = { ...edition('edition_9'), code: 'city', areaRules: undefined };
    expect(nextAreaLevel({ level: 'high', lastNewInfectionDate: '2022-07-01', today: '2022-09-01', edition: city })).toEqual({
      level: 'high',
      changedOn: null,
      next: null,
    });
  });

  describe('early-2020 county grading [verify]', () => {
    it.each<[number, number, boolean, AreaRiskLevel]>([
      [0, 0, false, 'low'],
      [80, 0, false, 'low'],
      [80, 0, true, 'low'],
      [3, 1, false, 'medium'],
      [50, 5, true, 'medium'],
      [51, 5, true, 'high'],
      [51, 5, false, 'medium'],
      [400, 30, true, 'high'],
    ])('%i cases in all, %i new within 14 days, cluster %s → %s', (cumulativeCases, newCasesIn14Days, hasClusterIn14Days, level) => {
      expect(classifyCounty2020({ cumulativeCases, newCasesIn14Days, hasClusterIn14Days })).toBe(level);
    });

    it.each([
      [-1, 0],
      [1.5, 1],
      [10, Number.NaN],
    ])('refuses counts %d and %d', (cumulativeCases, newCasesIn14Days) => {
      expect(() => classifyCounty2020({ cumulativeCases, newCasesIn14Days, hasClusterIn14Days: false })).toThrow(RangeError);
    });
  });

  describe('properties', () => {
    const graded = POLICY_EDITIONS.filter((e) => e.areaRules !== undefined);
    const inputs = fc.record({
      edition: fc.constantFrom(...graded),
      level: fc.constantFrom<AreaRiskLevel>('low', 'medium', 'high'),
      last: fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2023-12-31') }).map(fromDayNumber),
      after: fc.integer({ min: 0, max: 40 }),
      more: fc.integer({ min: 0, max: 40 }),
    });

    it('never raises a level, and a later day never gives a higher one', () => {
      fc.assert(
        fc.property(inputs, ({ edition: e, level, last, after, more }) => {
          const today = addDays(last, after);
          const now = nextAreaLevel({ level, lastNewInfectionDate: last, today, edition: e });
          const later = nextAreaLevel({ level, lastNewInfectionDate: last, today: addDays(today, more), edition: e });
          expect(AREA_LEVEL_RANK[now.level]).toBeLessThanOrEqual(AREA_LEVEL_RANK[level]);
          expect(AREA_LEVEL_RANK[later.level]).toBeLessThanOrEqual(AREA_LEVEL_RANK[now.level]);
        }),
      );
    });

    it('dates a change on or before today, the next one after today, and only when the level changed', () => {
      fc.assert(
        fc.property(inputs, ({ edition: e, level, last, after }) => {
          const today = addDays(last, after);
          const result = nextAreaLevel({ level, lastNewInfectionDate: last, today, edition: e });
          expect(result.changedOn === null).toBe(result.level === level);
          if (result.changedOn !== null) expect(result.changedOn <= today).toBe(true);
          if (result.next !== null) expect(result.next.on > today).toBe(true);
        }),
      );
    });
  });
});
