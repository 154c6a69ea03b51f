import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ACCIDENT_GRADES,
  ACCIDENT_GRADE_LABELS,
  compareGrades,
  gradeAccident,
  isAccidentGrade,
  type AccidentGrade,
  type AccidentMeasures,
} from './accident-grade.js';

const none: AccidentMeasures = { deaths: 0, seriousInjuries: 0, directLossYuan: 0 };
const measures = fc.record({
  deaths: fc.integer({ min: 0, max: 200 }),
  seriousInjuries: fc.integer({ min: 0, max: 500 }),
  directLossYuan: fc.oneof(fc.integer({ min: 0, max: 300_000_000 }), fc.double({ min: 0, max: 3e8, noNaN: true })),
});
const severity = (grade: AccidentGrade): number => ACCIDENT_GRADES.length - ACCIDENT_GRADES.indexOf(grade);

describe('accident grade (Order 493 art. 3)', () => {
  describe('deaths', () => {
    it.each<[number, AccidentGrade]>([
      [0, 'ordinary'],
      [2, 'ordinary'],
      [3, 'relatively_serious'],
      [9, 'relatively_serious'],
      [10, 'serious'],
      [29, 'serious'],
      [30, 'extraordinarily_serious'],
      [31, 'extraordinarily_serious'],
    ])('treats exactly %i deaths as %s', (deaths, grade) => {
      expect(gradeAccident({ ...none, deaths })).toBe(grade);
    });
  });

  describe('serious injuries (acute industrial poisoning included)', () => {
    it.each<[number, AccidentGrade]>([
      [9, 'ordinary'],
      [10, 'relatively_serious'],
      [49, 'relatively_serious'],
      [50, 'serious'],
      [99, 'serious'],
      [100, 'extraordinarily_serious'],
    ])('treats exactly %i serious injuries as %s', (seriousInjuries, grade) => {
      expect(gradeAccident({ ...none, seriousInjuries })).toBe(grade);
    });
  });

  describe('direct economic loss', () => {
    it.each<[number, AccidentGrade]>([
      [9_999_999.99, 'ordinary'],
      [10_000_000, 'relatively_serious'],
      [49_999_999, 'relatively_serious'],
      [50_000_000, 'serious'],
      [99_999_999.99, 'serious'],
      [100_000_000, 'extraordinarily_serious'],
    ])('treats a loss of %d yuan as %s', (directLossYuan, grade) => {
      expect(gradeAccident({ ...none, directLossYuan })).toBe(grade);
    });
  });

  describe('the highest grade reached by any measure wins', () => {
    it.each<[AccidentMeasures, AccidentGrade]>([
      [{ deaths: 1, seriousInjuries: 12, directLossYuan: 0 }, 'relatively_serious'],
      [{ deaths: 3, seriousInjuries: 0, directLossYuan: 60_000_000 }, 'serious'],
      [{ deaths: 0, seriousInjuries: 100, directLossYuan: 1_000 }, 'extraordinarily_serious'],
      [{ deaths: 2, seriousInjuries: 9, directLossYuan: 9_999_999 }, 'ordinary'],
      [{ deaths: 29, seriousInjuries: 99, directLossYuan: 99_999_999 }, 'serious'],
    ])('grades %j as %s', (m, grade) => {
      expect(gradeAccident(m)).toBe(grade);
    });
  });

  it.each<[Partial<AccidentMeasures>]>([
    [{ deaths: -1 }],
    [{ deaths: 1.5 }],
    [{ deaths: Number.NaN }],
    [{ seriousInjuries: -3 }],
    [{ directLossYuan: -0.01 }],
    [{ directLossYuan: Number.POSITIVE_INFINITY }],
  ])('refuses %j as a RangeError', (bad) => {
    expect(() => gradeAccident({ ...none, ...bad })).toThrow(RangeError);
  });

  it('labels the grades 特别重大, 重大, 较大 and 一般', () => {
    expect(ACCIDENT_GRADES.map((g) => ACCIDENT_GRADE_LABELS[g]['zh-CN'])).toEqual(['特别重大事故', '重大事故', '较大事故', '一般事故']);
  });

  it('recognises the four grade codes and nothing else', () => {
    for (const g of ACCIDENT_GRADES) expect(isAccidentGrade(g)).toBe(true);
    expect(isAccidentGrade('major')).toBe(false);
  });

  describe('comparing grades', () => {
    it('sorts the mildest first', () => {
      const grades: AccidentGrade[] = ['serious', 'ordinary', 'extraordinarily_serious', 'relatively_serious'];
      expect(grades.sort(compareGrades)).toEqual([
        'ordinary',
        'relatively_serious',
        'serious',
        'extraordinarily_serious',
      ]);
    });

    it('is antisymmetric and zero only for equal grades', () => {
      fc.assert(
        fc.property(fc.constantFrom(...ACCIDENT_GRADES), fc.constantFrom(...ACCIDENT_GRADES), (a, b) => {
          expect(Math.sign(compareGrades(a, b)) + Math.sign(compareGrades(b, a))).toBe(0);
          expect(compareGrades(a, b) === 0).toBe(a === b);
        }),
      );
    });
  });

  describe('properties', () => {
    it('never grades lower when any one measure grows', () => {
      fc.assert(
        fc.property(measures, fc.constantFrom<keyof AccidentMeasures>('deaths', 'seriousInjuries', 'directLossYuan'), fc.nat(1_000_000), (m, key, extra) => {
          const worse = { ...m, [key]: m[key] + extra };
          expect(compareGrades(gradeAccident(worse), gradeAccident(m))).toBeGreaterThanOrEqual(0);
        }),
      );
    });

    it('is the most severe of the grades each measure reaches alone', () => {
      fc.assert(
        fc.property(measures, (m) => {
          const alone = [
            gradeAccident({ ...none, deaths: m.deaths }),
            gradeAccident({ ...none, seriousInjuries: m.seriousInjuries }),
            gradeAccident({ ...none, directLossYuan: m.directLossYuan }),
          ];
          expect(severity(gradeAccident(m))).toBe(Math.max(...alone.map(severity)));
        }),
      );
    });

    it('changes grade only at the bounds 3/10/30 deaths, 10/50/100 injuries and 10/50/100 million yuan', () => {
      const bounds = { deaths: [3, 10, 30], seriousInjuries: [10, 50, 100], directLossYuan: [1e7, 5e7, 1e8] };
      fc.assert(
        fc.property(fc.constantFrom<keyof AccidentMeasures>('deaths', 'seriousInjuries', 'directLossYuan'), fc.nat(150_000_000), (key, value) => {
          const step = key === 'directLossYuan' ? 0.01 : 1;
          fc.pre(value >= step);
          const changed = gradeAccident({ ...none, [key]: value }) !== gradeAccident({ ...none, [key]: value - step });
          expect(changed).toBe(bounds[key].includes(value));
        }),
      );
    });
  });
});
