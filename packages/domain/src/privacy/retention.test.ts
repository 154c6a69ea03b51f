import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRetentionPolicy, dueAt, EPIDEMIC_RETENTION_DEFAULT_DAYS, EPIDEMIC_RETENTION_MIN_DAYS, retentionCutoff } from './retention.js';

const policy = (days = 60, epidemicEndDate: string | null = null) => ({ days, epidemicEndDate });

describe('purpose-bound retention of epidemic data', () => {
  it('keeps the default period above the minimum', () => {
    expect(EPIDEMIC_RETENTION_DEFAULT_DAYS).toBeGreaterThanOrEqual(EPIDEMIC_RETENTION_MIN_DAYS);
  });

  it.each([
    ['2023-03-01T00:00:00.000Z', 60, '2022-12-31T00:00:00.000Z'],
    ['2023-03-01T08:30:00.000Z', 14, '2023-02-15T08:30:00.000Z'],
  ])('at %s with %i days, records started before %s are due', (now, days, before) => {
    expect(retentionCutoff(new Date(now), policy(days))).toEqual({ before, epidemicOver: false });
  });

  it('makes a release due exactly the period after it, never a moment sooner', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), fc.integer({ min: EPIDEMIC_RETENTION_MIN_DAYS, max: 3650 }), (released, days) => {
        const at = dueAt(released.toISOString(), days);
        const justBefore = retentionCutoff(new Date(Date.parse(at) - 1), policy(days));
        const atDue = retentionCutoff(new Date(at), policy(days));
        expect(released.toISOString() < justBefore.before).toBe(false);
        expect(released.toISOString() < atDue.before || released.toISOString() === atDue.before).toBe(true);
      }),
    );
  });

  it.each([
    // The end date is a day in China; the period counts from the day after it.
    ['2023-01-08', 60, '2023-03-09T15:59:59.999Z', false],
    ['2023-01-08', 60, '2023-03-09T16:00:00.000Z', true],
    ['2023-01-08', 14, '2023-01-22T16:00:00.000Z', true],
  ])('an epidemic that ended on %s with %i days is over for retention at %s: %s', (end, days, now, over) => {
    expect(retentionCutoff(new Date(now), policy(days, end)).epidemicOver).toBe(over);
  });

  it.each([
    [policy(13), /at least 14 days/],
    [policy(30.5), /at least 14 days/],
    [policy(60, '2023-02-30'), /end date/],
    [policy(60, '8 Jan 2023'), /end date/],
  ])('refuses %j', (bad, message) => {
    expect(() => checkRetentionPolicy(bad)).toThrow(message);
  });
});
