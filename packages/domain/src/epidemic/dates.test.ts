import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDates, daysBetween, fromDayNumber, hoursBetween, isDate, isInEffect, toDayNumber } from './dates.js';

/** Any calendar date from 1900 to 2100, written YYYY-MM-DD. */
const calendarDates = fc
  .integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') })
  .map(fromDayNumber);

describe('calendar dates (YYYY-MM-DD, China local days)', () => {
  it.each([
    ['2022-06-28', 7, '2022-07-05', 'within a month into the next'],
    ['2022-12-31', 1, '2023-01-01', 'across a year end'],
    ['2020-02-28', 1, '2020-02-29', 'onto a leap day'],
    ['2020-02-29', 1, '2020-03-01', 'off a leap day'],
    ['2021-02-28', 1, '2021-03-01', 'past February in a common year'],
    ['2022-03-27', 1, '2022-03-28', 'over the last Sunday of March (a DST change in Europe)'],
    ['2022-11-06', 1, '2022-11-07', 'over the first Sunday of November (a DST change in America)'],
    ['2023-01-08', -1, '2023-01-07', 'backwards'],
    ['2023-01-08', 0, '2023-01-08', 'by zero days'],
  ])('adds days: %s + %i = %s (%s)', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each(['2022-02-30', '2022-13-01', '2022-00-10', '2022-6-28', '20220628', '2022-06-28T00:00:00Z', '', ' 2022-06-28'])(
    'refuses %j, which is not a real YYYY-MM-DD date',
    (bad) => {
      expect(isDate(bad)).toBe(false);
      expect(() => toDayNumber(bad)).toThrow(RangeError);
    },
  );

  it('counts 1970-01-01 as day 0 and keeps years below 100 as written', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('0099-12-31'))).toBe('0099-12-31');
  });

  it('treats an edition as in force from its first day up to, not including, its end', () => {
    const edition = { effectiveFrom: '2022-06-28', effectiveTo: '2022-11-11' };
    expect(isInEffect(edition, '2022-06-27')).toBe(false);
    expect(isInEffect(edition, '2022-06-28')).toBe(true);
    expect(isInEffect(edition, '2022-11-10')).toBe(true);
    expect(isInEffect(edition, '2022-11-11')).toBe(false);
    expect(isInEffect({ effectiveFrom: '2023-01-08', effectiveTo: null }, '2099-01-01')).toBe(true);
  });

  it('measures hours between instants that name their offset, and refuses those that do not', () => {
    expect(hoursBetween('2022-07-01T20:00:00+08:00', '2022-07-02T20:00:00+08:00')).toBe(24);
    expect(hoursBetween('2022-07-01T12:00:00Z', '2022-07-01T20:00:00+08:00')).toBe(0);
    expect(hoursBetween('2022-07-01T20:00:00', '2022-07-02T20:00:00+08:00')).toBeNull();
  });

  describe('properties', () => {
    it('round-trips every date through its day number', () => {
      fc.assert(fc.property(calendarDates, (d) => isDate(d) && fromDayNumber(toDayNumber(d)) === d));
    });

    it('makes addDays and daysBetween inverse, and orders dates as strings do', () => {
      fc.assert(
        fc.property(calendarDates, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
          const later = addDays(d, n);
          expect(daysBetween(d, later)).toBe(n);
          expect(Math.sign(compareDates(later, d))).toBe(Math.sign(n));
          expect(Math.sign(compareDates(later, d))).toBe(later > d ? 1 : later < d ? -1 : 0);
        }),
      );
    });
  });
});
