import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DOUBLE_DECREASE_LABELS, doubleDecreaseStatus, yearOnYearChange, type AccidentTally, type DoubleDecreaseStatus } from './double-decrease.js';

const tally = fc.record({ accidents: fc.nat(500), deaths: fc.nat(500) });

describe('double decrease (双下降)', () => {
  it.each<[AccidentTally, AccidentTally, DoubleDecreaseStatus]>([
    [{ accidents: 8, deaths: 3 }, { accidents: 10, deaths: 5 }, 'both_down'],
    [{ accidents: 0, deaths: 0 }, { accidents: 1, deaths: 1 }, 'both_down'],
    [{ accidents: 8, deaths: 5 }, { accidents: 10, deaths: 5 }, 'one_down'],
    [{ accidents: 12, deaths: 2 }, { accidents: 10, deaths: 5 }, 'one_down'],
    [{ accidents: 10, deaths: 5 }, { accidents: 10, deaths: 5 }, 'none_down'],
    [{ accidents: 0, deaths: 0 }, { accidents: 0, deaths: 0 }, 'none_down'],
    [{ accidents: 11, deaths: 6 }, { accidents: 10, deaths: 5 }, 'none_down'],
  ])('rates %j against %j last year as %s', (current, last, status) => {
    expect(doubleDecreaseStatus(current, last)).toBe(status);
  });

  it('labels the statuses 双下降, 单下降 and 未下降', () => {
    expect([DOUBLE_DECREASE_LABELS.both_down['zh-CN'], DOUBLE_DECREASE_LABELS.one_down['zh-CN'], DOUBLE_DECREASE_LABELS.none_down['zh-CN']]).toEqual(['双下降', '单下降', '未下降']);
  });

  it.each<[AccidentTally]>([[{ accidents: -1, deaths: 0 }], [{ accidents: 1, deaths: 0.5 }], [{ accidents: Number.NaN, deaths: 0 }]])('refuses %j as a RangeError', (bad) => {
    expect(() => doubleDecreaseStatus(bad, { accidents: 1, deaths: 1 })).toThrow(RangeError);
    expect(() => doubleDecreaseStatus({ accidents: 1, deaths: 1 }, bad)).toThrow(RangeError);
  });

  it('is both down exactly when each count is strictly lower, and none down when neither is', () => {
    fc.assert(
      fc.property(tally, tally, (current, last) => {
        const a = current.accidents < last.accidents;
        const d = current.deaths < last.deaths;
        expect(doubleDecreaseStatus(current, last)).toBe(a && d ? 'both_down' : a || d ? 'one_down' : 'none_down');
      }),
    );
  });

  it('never rates a year better when it has more accidents or deaths', () => {
    const rank: Record<DoubleDecreaseStatus, number> = { none_down: 0, one_down: 1, both_down: 2 };
    fc.assert(
      fc.property(tally, tally, fc.nat(10), fc.nat(10), (current, last, moreAccidents, moreDeaths) => {
        const worse = { accidents: current.accidents + moreAccidents, deaths: current.deaths + moreDeaths };
        expect(rank[doubleDecreaseStatus(worse, last)]).toBeLessThanOrEqual(rank[doubleDecreaseStatus(current, last)]);
      }),
    );
  });
});

describe('year-on-year change', () => {
  it.each<[number, number, number, number | null]>([
    [8, 10, -2, -0.2],
    [15, 10, 5, 0.5],
    [10, 10, 0, 0],
    [0, 4, -4, -1],
    [3, 0, 3, null],
    [0, 0, 0, null],
  ])('gives %i against %i last year a change of %i, ratio %s', (current, previous, delta, ratio) => {
    expect(yearOnYearChange(current, previous)).toEqual({ delta, ratio });
  });

  it('refuses negative or fractional counts as a RangeError', () => {
    expect(() => yearOnYearChange(-1, 3)).toThrow(RangeError);
    expect(() => yearOnYearChange(1, 2.5)).toThrow(RangeError);
  });

  it('gives previous + delta = current, and the ratio as delta over previous', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (current, previous) => {
        const { delta, ratio } = yearOnYearChange(current, previous);
        expect(previous + delta).toBe(current);
        if (previous === 0) expect(ratio).toBeNull();
        else expect(ratio).toBeCloseTo(delta / previous, 12);
      }),
    );
  });
});
