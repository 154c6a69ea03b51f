import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_RISK_THRESHOLDS,
  LEC_C_SCALE,
  LEC_E_SCALE,
  LEC_L_SCALE,
  RISK_LEVELS,
  RISK_LEVEL_LABELS,
  assessLec,
  assessLs,
  compareRiskLevels,
  riskLevelForScore,
  validateThresholds,
  type RiskLevel,
  type RiskThresholds,
} from './risk-grading.js';

const grade = fc.integer({ min: 1, max: 5 });
const scaleValue = (scale: readonly { value: number }[]) => fc.constantFrom(...scale.map((s) => s.value));
/** Three distinct positive numbers, highest for red. */
const bands = fc
  .uniqueArray(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 3, maxLength: 3 })
  .map((xs) => [...xs].sort((a, b) => b - a))
  .map(([red = 3, orange = 2, yellow = 1]) => ({ red, orange, yellow }));
const thresholdsArb: fc.Arbitrary<RiskThresholds> = fc.record({ source: fc.constant('test'), lec: bands, ls: bands });

describe('risk levels (双重预防机制)', () => {
  it('are red 重大, orange 较大, yellow 一般 and blue 低, highest first', () => {
    expect(RISK_LEVELS.map((l) => [l, RISK_LEVEL_LABELS[l]['zh-CN'], RISK_LEVEL_LABELS[l].colour['zh-CN']])).toEqual([
      ['red', '重大风险', '红'],
      ['orange', '较大风险', '橙'],
      ['yellow', '一般风险', '黄'],
      ['blue', '低风险', '蓝'],
    ]);
  });

  it('compare by risk, lowest first when sorted', () => {
    const levels: RiskLevel[] = ['yellow', 'red', 'blue', 'orange'];
    expect(levels.sort(compareRiskLevels)).toEqual(['blue', 'yellow', 'orange', 'red']);
  });
});

describe('default thresholds', () => {
  it('name their source and are valid', () => {
    expect(DEFAULT_RISK_THRESHOLDS.source).toMatch(/RULES\.md/);
    expect(validateThresholds(DEFAULT_RISK_THRESHOLDS)).toEqual([]);
  });
});

describe('LS assessment (R = L × S)', () => {
  it.each<[number, number, number, RiskLevel]>([
    [5, 5, 25, 'red'],
    [4, 5, 20, 'red'],
    [4, 4, 16, 'orange'],
    [3, 5, 15, 'orange'],
    [3, 4, 12, 'yellow'],
    [3, 3, 9, 'yellow'],
    [2, 4, 8, 'blue'],
    [1, 1, 1, 'blue'],
  ])('scores likelihood %i × severity %i as %i, %s', (likelihood, severity, score, level) => {
    expect(assessLs({ likelihood, severity })).toEqual({ method: 'LS', score, level });
  });

  it.each([[0, 3], [6, 3], [2.5, 3], [3, -1], [3, Number.NaN]])('refuses likelihood %d, severity %d as a RangeError', (likelihood, severity) => {
    expect(() => assessLs({ likelihood, severity })).toThrow(RangeError);
  });

  it('uses the bands it is given', () => {
    const strict: RiskThresholds = { ...DEFAULT_RISK_THRESHOLDS, source: 'stricter province', ls: { red: 16, orange: 12, yellow: 6 } };
    expect(assessLs({ likelihood: 4, severity: 4 }, strict).level).toBe('red');
    expect(assessLs({ likelihood: 2, severity: 3 }, strict).level).toBe('yellow');
  });
});

describe('LEC assessment (D = L × E × C)', () => {
  it.each<[number, number, number, number, RiskLevel]>([
    [10, 10, 100, 10000, 'red'],
    [10, 2, 40, 800, 'red'],
    [1, 6, 40, 240, 'orange'],
    [3, 6, 15, 270, 'orange'],
    [10, 1, 7, 70, 'yellow'],
    [1, 10, 7, 70, 'yellow'],
    [3, 3, 15, 135, 'yellow'],
    [3, 3, 7, 63, 'blue'],
    [0.1, 3, 1, 0.3, 'blue'],
    [0.1, 0.5, 1, 0.05, 'blue'],
  ])('scores L %d, E %d, C %d as %d, %s', (l, e, c, score, level) => {
    expect(assessLec({ l, e, c })).toEqual({ method: 'LEC', score, level });
  });

  it('treats exactly 70 as yellow, the lower bound being inclusive', () => {
    expect(riskLevelForScore('LEC', 70)).toBe('yellow');
    expect(riskLevelForScore('LEC', 69.95)).toBe('blue');
    expect(riskLevelForScore('LEC', 160)).toBe('orange');
    expect(riskLevelForScore('LEC', 320)).toBe('red');
    expect(riskLevelForScore('LEC', 319.99)).toBe('orange');
  });

  it.each([
    [{ l: 2, e: 1, c: 1 }],
    [{ l: 1, e: 4, c: 1 }],
    [{ l: 1, e: 1, c: 10 }],
    [{ l: 0, e: 1, c: 1 }],
    [{ l: 1, e: 1, c: Number.NaN }],
  ])('refuses %j, which is off the LEC scales, as a RangeError', (input) => {
    expect(() => assessLec(input)).toThrow(RangeError);
  });

  it('offers 7 values of L, 6 of E and 6 of C', () => {
    expect(LEC_L_SCALE.map((s) => s.value)).toEqual([10, 6, 3, 1, 0.5, 0.2, 0.1]);
    expect(LEC_E_SCALE.map((s) => s.value)).toEqual([10, 6, 3, 2, 1, 0.5]);
    expect(LEC_C_SCALE.map((s) => s.value)).toEqual([100, 40, 15, 7, 3, 1]);
  });
});

describe('validating thresholds', () => {
  it.each<[Partial<RiskThresholds>, ReturnType<typeof validateThresholds>]>([
    [{ lec: { red: 320, orange: 320, yellow: 70 } }, [{ method: 'LEC', problem: 'not_descending' }]],
    [{ ls: { red: 9, orange: 15, yellow: 20 } }, [{ method: 'LS', problem: 'not_descending' }]],
    [{ ls: { red: 20, orange: 15, yellow: 0 } }, [{ method: 'LS', problem: 'not_positive' }]],
    [{ lec: { red: 320, orange: -1, yellow: -5 } }, [{ method: 'LEC', problem: 'not_positive' }]],
    [{ lec: { red: Number.NaN, orange: 160, yellow: 70 } }, [{ method: 'LEC', problem: 'not_positive' }, { method: 'LEC', problem: 'not_descending' }]],
  ])('reports %j as %j', (change, problems) => {
    expect(validateThresholds({ ...DEFAULT_RISK_THRESHOLDS, ...change })).toEqual(problems);
  });

  it('makes assessment refuse invalid thresholds as a RangeError', () => {
    const broken: RiskThresholds = { ...DEFAULT_RISK_THRESHOLDS, ls: { red: 9, orange: 15, yellow: 20 } };
    expect(() => assessLs({ likelihood: 1, severity: 1 }, broken)).toThrow(RangeError);
  });
});

describe('properties', () => {
  it('never lowers the colour when the score rises, under any valid thresholds', () => {
    fc.assert(
      fc.property(thresholdsArb, fc.constantFrom('LS' as const, 'LEC' as const), fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }), (t, method, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(compareRiskLevels(riskLevelForScore(method, high, t), riskLevelForScore(method, low, t))).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('accepts any generated bands that are positive and strictly descending', () => {
    fc.assert(fc.property(thresholdsArb, (t) => validateThresholds(t).length === 0));
  });

  it('scores LS as the product and never lowers the colour when likelihood or severity rises', () => {
    fc.assert(
      fc.property(grade, grade, (likelihood, severity) => {
        const base = assessLs({ likelihood, severity });
        expect(base.score).toBe(likelihood * severity);
        if (likelihood < 5) expect(compareRiskLevels(assessLs({ likelihood: likelihood + 1, severity }).level, base.level)).toBeGreaterThanOrEqual(0);
        if (severity < 5) expect(compareRiskLevels(assessLs({ likelihood, severity: severity + 1 }).level, base.level)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('scores LEC as the product to 2 decimals for every combination on the scales', () => {
    fc.assert(
      fc.property(scaleValue(LEC_L_SCALE), scaleValue(LEC_E_SCALE), scaleValue(LEC_C_SCALE), (l, e, c) => {
        const { score, level } = assessLec({ l, e, c });
        expect(score).toBeCloseTo(l * e * c, 9);
        expect(level).toBe(riskLevelForScore('LEC', score));
      }),
    );
  });
});
