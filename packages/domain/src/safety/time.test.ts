import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseInstant, requireValidDate } from './time.js';

describe('parsing a deadline instant', () => {
  it.each([
    ['2025-06-30T18:00:00+08:00', '2025-06-30T10:00:00.000Z'],
    ['2025-06-30T18:00+08:00', '2025-06-30T10:00:00.000Z'],
    ['2025-06-30T10:00:00.250Z', '2025-06-30T10:00:00.250Z'],
    ['2024-02-29T00:00:00-05:00', '2024-02-29T05:00:00.000Z'],
  ])('reads %s as %s', (text, expected) => {
    expect(new Date(parseInstant(text) ?? Number.NaN).toISOString()).toBe(expected);
  });

  it.each([
    ['2025-06-30', 'a date without a time'],
    ['2025-06-30T18:00:00', 'a date-time without an offset'],
    ['2025-02-30T00:00:00Z', '30 February'],
    ['2025-02-29T00:00:00Z', '29 February of a common year'],
    ['2025-13-01T00:00:00Z', 'month 13'],
    ['2025-06-30T24:00:00Z', 'hour 24'],
    ['2025-06-30T12:60:00Z', 'minute 60'],
    ['2025-06-30T12:00:60Z', 'second 60'],
    [' 2025-06-30T18:00:00Z', 'a leading space'],
    ['', 'an empty string'],
  ])('refuses %j (%s)', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it('reads back every instant written by toISOString', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        expect(parseInstant(d.toISOString())).toBe(d.getTime());
      }),
    );
  });
});

describe('requiring a valid date', () => {
  it('returns the epoch milliseconds of a valid date and refuses an Invalid Date', () => {
    expect(requireValidDate(new Date(0), 'x')).toBe(0);
    expect(() => requireValidDate(new Date(Number.NaN), 'x')).toThrow(RangeError);
  });
});
