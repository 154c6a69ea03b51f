import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BUILT_IN_CATEGORY_CODES } from './categories.js';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from './dates.js';
import { computeMeasurePlan, recomputeOnChange, type MeasurePlan, type PersonForPlan } from './measure-plan.js';
import { POLICY_EDITIONS, editionInForce, type EpidemicPolicyEdition } from './policy-editions.js';

function planOf(person: PersonForPlan, editions?: readonly EpidemicPolicyEdition[]): MeasurePlan {
  const result = computeMeasurePlan(person, editions);
  if (!result.ok) throw new Error(`expected a plan, got ${result.reason}`);
  return result.plan;
}

/** Every date from the first national edition to two years into Class B management. */
const datesSince2020 = fc.integer({ min: toDayNumber('2020-01-28'), max: toDayNumber('2025-01-31') }).map(fromDayNumber);

describe('measure plan', () => {
  describe('9th edition close contact exposed on 1 July 2022 (day 0)', () => {
    const plan = planOf({ category: 'close_contact', lastExposureDate: '2022-07-01' });

    it('is 7 days centralized to day 7, then 3 days of home health monitoring to day 10', () => {
      expect(plan.edition).toBe('edition_9');
      expect(plan.startField).toBe('lastExposureDate');
      expect(plan.steps).toEqual([
        { measure: 'centralized_quarantine', from: '2022-07-01', to: '2022-07-08' },
        { measure: 'health_monitoring', from: '2022-07-09', to: '2022-07-11' },
      ]);
      expect(plan.endDate).toBe('2022-07-11');
    });

    it('tests on centralized days 1, 2, 3, 5, 7 and on home-monitoring day 3', () => {
      expect(plan.tests).toEqual([
        { day: 1, date: '2022-07-02', setting: 'centralized_quarantine' },
        { day: 2, date: '2022-07-03', setting: 'centralized_quarantine' },
        { day: 3, date: '2022-07-04', setting: 'centralized_quarantine' },
        { day: 5, date: '2022-07-06', setting: 'centralized_quarantine' },
        { day: 7, date: '2022-07-08', setting: 'centralized_quarantine' },
        { day: 10, date: '2022-07-11', setting: 'health_monitoring' },
      ]);
    });
  });

  describe('chooses the edition in force on the start date, not on the day of computing', () => {
    it.each([
      ['2022-11-10', 'edition_9', '2022-11-20'],
      ['2022-11-11', 'twenty_measures', '2022-11-19'],
      ['2022-12-06', 'twenty_measures', '2022-12-14'],
      ['2022-12-07', 'ten_measures', '2022-12-12'],
      ['2023-01-07', 'ten_measures', '2023-01-12'],
      ['2023-01-08', 'class_b', '2023-01-08'],
    ])('a contact last exposed on %s is under %s and ends on %s', (lastExposureDate, edition, end) => {
      const plan = planOf({ category: 'close_contact', lastExposureDate });
      expect(plan.edition).toBe(edition);
      expect(plan.endDate).toBe(end);
    });
  });

  it.each<[string, PersonForPlan, string, string | null]>([
    ['an 8th-edition arrival', { category: 'arrival_key_area', arrivalDate: '2021-06-01' }, 'edition_8', '2021-06-22'],
    ['an early-2020 close contact', { category: 'close_contact', lastExposureDate: '2020-02-10' }, 'early_2020', '2020-02-24'],
    ['a 2020 asymptomatic infection', { category: 'asymptomatic', sampleDate: '2020-05-01' }, 'asymptomatic_rule_2020', '2020-05-15'],
    ['a 9th-edition secondary contact', { category: 'secondary_contact', lastExposureDate: '2022-08-01' }, 'edition_9', '2022-08-08'],
    ['a 9th-edition confirmed case', { category: 'confirmed', sampleDate: '2022-08-01' }, 'edition_9', null],
    ['a suspected case', { category: 'suspected', reportDate: '2021-01-05' }, 'edition_7', null],
  ])('ends %s under %s on %s', (_who, person, edition, end) => {
    const plan = planOf(person);
    expect(plan.edition).toBe(edition);
    expect(plan.endDate).toBe(end);
  });

  describe('start date', () => {
    it.each<[PersonForPlan, string, string]>([
      [{ category: 'confirmed', sampleDate: '2022-08-03', onsetDate: '2022-08-01' }, 'sampleDate', '2022-08-03'],
      [{ category: 'confirmed', onsetDate: '2022-08-01' }, 'onsetDate', '2022-08-01'],
      [{ category: 'confirmed', sampleDate: '', onsetDate: '2022-08-01' }, 'onsetDate', '2022-08-01'],
      [{ category: 'asymptomatic', sampleDate: null, onsetDate: '2022-08-02' }, 'onsetDate', '2022-08-02'],
      [{ category: 'close_contact', lastExposureDate: '2022-08-01', reportDate: '2022-08-05' }, 'lastExposureDate', '2022-08-01'],
    ])('of %j is %s', (person, field, date) => {
      const plan = planOf(person);
      expect(plan.startField).toBe(field);
      expect(plan.startDate).toBe(date);
      expect(plan.steps[0]?.from).toBe(date);
    });

    it('throws on a start date that is present but not a real date', () => {
      expect(() => computeMeasurePlan({ category: 'close_contact', lastExposureDate: '2022-02-30' })).toThrow(RangeError);
    });
  });

  it.each<[string, PersonForPlan, string]>([
    ['a contact with no exposure date', { category: 'close_contact', reportDate: '2022-08-01' }, 'missing_start_date'],
    ['a case with neither sample nor onset date', { category: 'confirmed' }, 'missing_start_date'],
    ['an exposure before the first edition', { category: 'close_contact', lastExposureDate: '2020-01-27' }, 'no_edition_in_force'],
    ['a secondary contact in early 2020 (not yet defined)', { category: 'secondary_contact', lastExposureDate: '2020-03-01' }, 'category_not_managed'],
    ['the city’s own key group under national rules only', { category: 'other_key_group', reportDate: '2022-08-01' }, 'category_not_managed'],
    ['an unknown category', { category: 'cold_chain_worker', reportDate: '2022-08-01' }, 'category_not_managed'],
    ['a domestic arrival from a low area under the 20 measures', { category: 'arrival_key_area', arrivalDate: '2022-11-20', fromAreaLevel: 'low' }, 'category_not_managed'],
  ])('refuses %s: %s', (_who, person, reason) => {
    expect(computeMeasurePlan(person)).toEqual({ ok: false, reason });
  });

  describe('special plans', () => {
    it('isolates an asymptomatic infection of 2020 for 14 days and also needs two negatives ≥ 24 h apart', () => {
      const plan = planOf({ category: 'asymptomatic', sampleDate: '2020-05-01' });
      expect(plan.steps).toEqual([{ measure: 'centralized_quarantine', from: '2020-05-01', to: '2020-05-15' }]);
      expect(plan.release).toEqual({ negativeTests: 2, hoursApart: 24 });
    });

    it('keeps a 10-measures infection at home until released, with tests on days 6 and 7', () => {
      const plan = planOf({ category: 'confirmed', sampleDate: '2022-12-10' });
      expect(plan.steps).toEqual([{ measure: 'home_quarantine', from: '2022-12-10', to: null }]);
      expect(plan.endDate).toBeNull();
      expect(plan.tests.map((t) => [t.date, t.setting])).toEqual([
        ['2022-12-16', 'home_quarantine'],
        ['2022-12-17', 'home_quarantine'],
      ]);
      expect(plan.verify).toBe(true);
    });

    it('gives a Class B close contact an explicit "no measure" plan that ends the day it starts', () => {
      const plan = planOf({ category: 'close_contact', lastExposureDate: '2023-02-01' });
      expect(plan.steps).toEqual([{ measure: 'none', from: '2023-02-01', to: '2023-02-01' }]);
      expect(plan.tests).toEqual([]);
    });

    it.each<['high' | 'medium' | 'low', string, string]>([
      ['high', 'centralized_quarantine', '2022-08-08'],
      ['medium', 'home_quarantine', '2022-08-08'],
      ['low', 'health_monitoring', '2022-08-04'],
    ])('applies the 9th edition’s travel-history rule to an arrival from a %s area: %s to %s', (fromAreaLevel, measure, end) => {
      const plan = planOf({ category: 'arrival_key_area', arrivalDate: '2022-08-01', fromAreaLevel });
      expect(plan.steps.map((s) => s.measure)).toEqual([measure]);
      expect(plan.endDate).toBe(end);
    });

    it('applies a city edition for the days it covers', () => {
      const city: EpidemicPolicyEdition = {
        code: 'city_2022_08',
        name: { 'zh-CN': '市指挥部通告（示例）', en: 'City notice (example)' },
        effectiveFrom: '2022-08-01',
        effectiveTo: '2022-09-01',
        source: 'example',
        measures: { other_key_group: { steps: [{ measure: 'health_monitoring', days: 7 }], testDays: [1, 7] } },
      };
      const editions = [...POLICY_EDITIONS, city];
      expect(planOf({ category: 'other_key_group', reportDate: '2022-08-15' }, editions).endDate).toBe('2022-08-22');
      expect(computeMeasurePlan({ category: 'other_key_group', reportDate: '2022-09-01' }, editions)).toEqual({
        ok: false,
        reason: 'category_not_managed',
      });
    });
  });

  describe('recompute on change', () => {
    const person: PersonForPlan = { category: 'close_contact', lastExposureDate: '2022-07-01' };
    const previous = planOf(person);

    it('reports no change when nothing that matters changed, even with keys stored in another order', () => {
      const stored = JSON.parse(JSON.stringify({ ...previous, steps: previous.steps.map((s) => ({ to: s.to, from: s.from, measure: s.measure })) })) as MeasurePlan;
      expect(recomputeOnChange(stored, { ...person, reportDate: '2022-07-03' })).toMatchObject({ ok: true, changed: false });
    });

    it('reports a change when a later exposure is found, so the old plan goes to history', () => {
      const result = recomputeOnChange(previous, { ...person, lastExposureDate: '2022-07-04' });
      expect(result).toMatchObject({ ok: true, changed: true, plan: { endDate: '2022-07-14' } });
    });

    it('reports a change when the category changes', () => {
      expect(recomputeOnChange(previous, { category: 'confirmed', sampleDate: '2022-07-05' })).toMatchObject({ ok: true, changed: true });
    });

    it('counts a first plan as a change, and losing a plan as one only when there was a plan', () => {
      expect(recomputeOnChange(null, person).changed).toBe(true);
      expect(recomputeOnChange(previous, { category: 'close_contact' })).toEqual({ ok: false, reason: 'missing_start_date', changed: true });
      expect(recomputeOnChange(null, { category: 'close_contact' })).toEqual({ ok: false, reason: 'missing_start_date', changed: false });
    });
  });

  describe('properties', () => {
    const people = fc.record({
      category: fc.constantFrom(...BUILT_IN_CATEGORY_CODES),
      date: datesSince2020,
    });
    const asPerson = ({ category, date }: { category: string; date: string }): PersonForPlan => ({
      category,
      lastExposureDate: date,
      arrivalDate: date,
      sampleDate: date,
      reportDate: date,
    });

    it('starts on the start date, chains steps day after day, and tests only inside the plan in the right setting', () => {
      fc.assert(
        fc.property(people, (p) => {
          const result = computeMeasurePlan(asPerson(p));
          if (!result.ok) return;
          const { plan } = result;
          expect(plan.edition).toBe(editionInForce(p.date)?.code);
          expect(plan.steps[0]?.from).toBe(p.date);
          plan.steps.forEach((step, i) => {
            const before = plan.steps[i - 1];
            if (before !== undefined) expect(before.to === null ? null : addDays(before.to, 1)).toBe(step.from);
            if (step.to !== null) expect(step.to >= step.from).toBe(true);
          });
          expect(plan.endDate).toBe(plan.steps.at(-1)?.to);
          for (const test of plan.tests) {
            expect(daysBetween(plan.startDate, test.date)).toBe(test.day);
            if (plan.endDate !== null) expect(test.date <= plan.endDate).toBe(true);
            const holding = plan.steps.find((s) => s.from <= test.date && (s.to === null || test.date <= s.to));
            expect(holding?.measure).toBe(test.setting);
          }
        }),
      );
    });

    it('moves every date by the same number of days when the start moves within one edition', () => {
      fc.assert(
        fc.property(people, fc.integer({ min: 0, max: 60 }), (p, shift) => {
          const later = addDays(p.date, shift);
          const a = computeMeasurePlan(asPerson(p));
          const b = computeMeasurePlan(asPerson({ ...p, date: later }));
          if (!a.ok || !b.ok || a.plan.edition !== b.plan.edition) return;
          expect(b.plan.steps).toEqual(a.plan.steps.map((s) => ({ ...s, from: addDays(s.from, shift), to: s.to === null ? null : addDays(s.to, shift) })));
          expect(b.plan.tests.map((t) => t.date)).toEqual(a.plan.tests.map((t) => addDays(t.date, shift)));
        }),
      );
    });
  });
});
