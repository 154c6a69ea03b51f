import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BUILT_IN_CATEGORY_CODES } from './categories.js';
import { addDays, fromDayNumber, toDayNumber } from './dates.js';
import { computeMeasurePlan, type MeasurePlan, type PersonForPlan } from './measure-plan.js';
import { releaseCheck, type NucleicAcidTest, type ReleaseBlocker } from './release.js';

function planOf(person: PersonForPlan): MeasurePlan {
  const result = computeMeasurePlan(person);
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}
const negative = (date: string, sampledAt?: string): NucleicAcidTest =>
  sampledAt === undefined ? { date, result: 'negative' } : { date, result: 'negative', sampledAt };
const positive = (date: string): NucleicAcidTest => ({ date, result: 'positive' });

describe('release check', () => {
  describe('a 9th-edition close contact exposed on 1 July 2022 (ends 11 July; tests 2, 3, 4, 6, 8, 11 July)', () => {
    const plan = planOf({ category: 'close_contact', lastExposureDate: '2022-07-01' });
    const onSchedule = plan.tests.map((t) => negative(t.date));

    it.each<[string, string, NucleicAcidTest[], ReleaseBlocker[]]>([
      ['releases on the last day once every scheduled test is negative', '2022-07-11', onSchedule, []],
      ['releases later too', '2022-07-20', onSchedule, []],
      ['holds the day before the end', '2022-07-10', onSchedule.slice(0, 5), ['period_not_over']],
      ['holds while the last test is pending', '2022-07-11', [...onSchedule.slice(0, 5), { date: '2022-07-11', result: 'pending' }], ['tests_missing']],
      ['holds when a scheduled test was skipped', '2022-07-11', onSchedule.filter((t) => t.date !== '2022-07-06'), ['tests_missing']],
      ['does not count a test taken on another day than scheduled', '2022-07-11', [...onSchedule.filter((t) => t.date !== '2022-07-06'), negative('2022-07-07')], ['tests_missing']],
      ['holds on any positive test during the plan', '2022-07-11', [...onSchedule, positive('2022-07-04')], ['positive_test']],
      ['ignores a positive test from before the exposure', '2022-07-11', [...onSchedule, positive('2022-06-20')], []],
      ['lists every reason in a fixed order', '2022-07-05', [positive('2022-07-02')], ['period_not_over', 'tests_missing', 'positive_test']],
    ])('%s', (_what, today, tests, reasons) => {
      expect(releaseCheck(plan, { today, tests })).toEqual({ canRelease: reasons.length === 0, reasons });
    });
  });

  describe('a 2020 asymptomatic infection sampled on 1 May 2020 (14 days, then 2 negatives ≥ 24 h apart)', () => {
    const plan = planOf({ category: 'asymptomatic', sampleDate: '2020-05-01' });

    it.each<[string, string, NucleicAcidTest[], ReleaseBlocker[]]>([
      ['releases after day 14 with two negatives on consecutive days', '2020-05-15', [positive('2020-05-01'), negative('2020-05-13'), negative('2020-05-14')], []],
      ['holds before day 14 however many negatives', '2020-05-10', [negative('2020-05-08'), negative('2020-05-09')], ['period_not_over']],
      ['holds while the latest sample is positive', '2020-05-15', [negative('2020-05-12'), negative('2020-05-13'), positive('2020-05-14')], ['positive_test']],
      ['counts only negatives after the last positive', '2020-05-15', [negative('2020-05-10'), positive('2020-05-12'), negative('2020-05-14')], ['tests_missing']],
      ['holds with two negatives the same day', '2020-05-15', [negative('2020-05-14'), negative('2020-05-14')], ['negative_tests_too_close']],
      [
        'measures exact hours when sampling times are recorded',
        '2020-05-15',
        [negative('2020-05-13', '2020-05-13T20:00:00+08:00'), negative('2020-05-14', '2020-05-14T08:00:00+08:00')],
        ['negative_tests_too_close'],
      ],
      [
        'finds a 24-hour pair among three negatives',
        '2020-05-15',
        [
          negative('2020-05-13', '2020-05-13T20:00:00+08:00'),
          negative('2020-05-14', '2020-05-14T08:00:00+08:00'),
          negative('2020-05-14', '2020-05-14T20:00:00+08:00'),
        ],
        [],
      ],
      ['ignores pending samples', '2020-05-15', [negative('2020-05-13'), negative('2020-05-14'), { date: '2020-05-15', result: 'pending' }], []],
    ])('%s', (_what, today, tests, reasons) => {
      expect(releaseCheck(plan, { today, tests })).toEqual({ canRelease: reasons.length === 0, reasons });
    });
  });

  describe('a 10-measures home-isolated case sampled on 10 December 2022 (samples count from day 6)', () => {
    const plan = planOf({ category: 'confirmed', sampleDate: '2022-12-10' });

    it('does not count negatives before day 6', () => {
      const tests = [negative('2022-12-14'), negative('2022-12-15')];
      expect(releaseCheck(plan, { today: '2022-12-15', tests })).toEqual({ canRelease: false, reasons: ['tests_missing'] });
    });

    it('releases after negatives on days 6 and 7, whenever that is (no fixed end)', () => {
      const tests = [positive('2022-12-10'), negative('2022-12-16'), negative('2022-12-17')];
      expect(releaseCheck(plan, { today: '2022-12-17', tests })).toEqual({ canRelease: true, reasons: [] });
    });
  });

  it('has nothing to hold under a Class B "no measure" plan, whatever the tests say', () => {
    const plan = planOf({ category: 'close_contact', lastExposureDate: '2023-03-01' });
    expect(releaseCheck(plan, { today: '2023-03-01', tests: [] })).toEqual({ canRelease: true, reasons: [] });
    expect(releaseCheck(plan, { today: '2023-03-01', tests: [positive('2023-03-01')] })).toEqual({ canRelease: true, reasons: [] });
  });

  it('throws on a date that is not YYYY-MM-DD', () => {
    const plan = planOf({ category: 'close_contact', lastExposureDate: '2022-07-01' });
    expect(() => releaseCheck(plan, { today: '11/07/2022', tests: [] })).toThrow(RangeError);
    expect(() => releaseCheck(plan, { today: '2022-07-11', tests: [negative('2022-07-32')] })).toThrow(RangeError);
  });

  describe('properties', () => {
    const plans = fc
      .record({
        category: fc.constantFrom(...BUILT_IN_CATEGORY_CODES),
        day: fc.integer({ min: toDayNumber('2020-01-28'), max: toDayNumber('2024-12-31') }),
      })
      .map(({ category, day }) => {
        const date = fromDayNumber(day);
        return computeMeasurePlan({ category, lastExposureDate: date, arrivalDate: date, sampleDate: date, reportDate: date });
      })
      .filter((r) => r.ok)
      .map((r) => (r as { ok: true; plan: MeasurePlan }).plan);
    const testsFor = (plan: MeasurePlan) =>
      fc.array(
        fc.record({
          date: fc.integer({ min: -3, max: 30 }).map((n) => addDays(plan.startDate, n)),
          result: fc.constantFrom<NucleicAcidTest['result']>('negative', 'negative', 'positive', 'pending'),
        }),
        { maxLength: 12 },
      );
    const cases = plans.chain((plan) =>
      fc.record({ plan: fc.constant(plan), tests: testsFor(plan), today: fc.integer({ min: 0, max: 40 }).map((n) => addDays(plan.startDate, n)) }),
    );

    it('releases exactly when there is no reason not to, giving each reason once in the fixed order', () => {
      const order: ReleaseBlocker[] = ['period_not_over', 'tests_missing', 'positive_test', 'negative_tests_too_close'];
      fc.assert(
        fc.property(cases, ({ plan, tests, today }) => {
          const { canRelease, reasons } = releaseCheck(plan, { today, tests });
          expect(canRelease).toBe(reasons.length === 0);
          expect(reasons).toEqual(order.filter((r) => reasons.includes(r)));
        }),
      );
    });

    it('never releases anyone under a measure whose latest sample is positive', () => {
      fc.assert(
        fc.property(cases, ({ plan, tests, today }) => {
          const latest = tests.reduce((max, t) => (t.date > max ? t.date : max), plan.startDate);
          const result = releaseCheck(plan, { today, tests: [...tests, positive(addDays(latest, 1))] });
          if (plan.steps.some((s) => s.measure !== 'none')) expect(result.canRelease).toBe(false);
        }),
      );
    });

    it('releases a fixed-period plan with every scheduled test negative exactly from its end date', () => {
      fc.assert(
        fc.property(cases, ({ plan, today }) => {
          if (plan.release !== null || plan.endDate === null) return;
          const result = releaseCheck(plan, { today, tests: plan.tests.map((t) => negative(t.date)) });
          expect(result.canRelease).toBe(today >= plan.endDate);
        }),
      );
    });
  });
});
