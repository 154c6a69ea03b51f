import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  QINGDAO_LISTING_TIME_LIMITS,
  addWorkingDays,
  chinaDateOf,
  delistingPublicationDueAt,
  extensionDecisionDueAt,
  isChinaWorkingDay,
  isExtensionRequestTimely,
  latestExtensionRequestAt,
  listingPublicationDueAt,
  type WorkingCalendar,
} from './major-hazard-listing.js';

/** The 2025 holidays and weekend working days of the State Council notice 国办发明电〔2024〕12号 (test data). */
const calendar2025: Required<WorkingCalendar> = {
  holidays: [
    '2025-01-01',
    '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
    '2025-04-04', '2025-04-05', '2025-04-06',
    '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
    '2025-05-31', '2025-06-01', '2025-06-02',
    '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
  ],
  workingWeekends: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
};
const china = (local: string): Date => new Date(`${local}+08:00`);
const add = (local: string, n: number, cal: WorkingCalendar = {}): string =>
  chinaDateOf(addWorkingDays(china(local), n, cal.holidays, cal.workingWeekends));

describe('working days in China time', () => {
  it.each<[string, number, string]>([
    ['2025-03-03T10:00:00', 1, '2025-03-04'], // Monday → Tuesday
    ['2025-03-07T10:00:00', 1, '2025-03-10'], // Friday → Monday
    ['2025-03-07T10:00:00', 5, '2025-03-14'], // a full week
    ['2025-03-08T10:00:00', 1, '2025-03-10'], // from Saturday, Monday is the first working day
    ['2025-03-10T10:00:00', -1, '2025-03-07'], // Monday back to Friday
    ['2025-03-05T10:00:00', 0, '2025-03-05'],
  ])('moves %s by %i working days to %s', (start, n, expected) => {
    expect(add(start, n)).toBe(expected);
  });

  it('keeps the time of day', () => {
    expect(addWorkingDays(china('2025-03-07T16:45:30'), 1).toISOString()).toBe(china('2025-03-10T16:45:30').toISOString());
  });

  it('counts by the China calendar: 01:00 on Saturday in China is still Friday in UTC', () => {
    const saturdayInChina = china('2025-03-08T01:00:00'); // 2025-03-07T17:00Z
    expect(addWorkingDays(saturdayInChina, 1).toISOString()).toBe(china('2025-03-10T01:00:00').toISOString());
  });

  it('skips the given holidays', () => {
    expect(add('2025-05-30T09:00:00', 1, calendar2025)).toBe('2025-06-03'); // Dragon Boat Festival, 31 May – 2 June
    expect(add('2025-04-30T09:00:00', 1, calendar2025)).toBe('2025-05-06'); // Labour Day, 1–5 May
  });

  it('counts a weekend made a working day (调休上班)', () => {
    // Friday 26 Sep + 5: Sun 28 Sep (working), 29, 30 Sep, then after National Day 9 and 10 Oct.
    expect(add('2025-09-26T09:00:00', 5, calendar2025)).toBe('2025-10-10');
    expect(add('2025-09-26T09:00:00', 5, { holidays: calendar2025.holidays })).toBe('2025-10-13');
  });

  it.each([['2025-5-1'], ['2025-02-30'], ['20250501'], ['']])('refuses the holiday %j as a RangeError', (bad) => {
    expect(() => addWorkingDays(china('2025-03-03T10:00:00'), 1, [bad])).toThrow(RangeError);
  });

  it('refuses a day listed both as a holiday and as a working day', () => {
    expect(() => addWorkingDays(china('2025-03-03T10:00:00'), 1, ['2025-03-08'], ['2025-03-08'])).toThrow(RangeError);
  });

  it('refuses a fractional number of days', () => {
    expect(() => addWorkingDays(china('2025-03-03T10:00:00'), 1.5)).toThrow(RangeError);
  });

  it.each<[string, boolean]>([
    ['2025-10-08T12:00:00', false],
    ['2025-10-11T12:00:00', true],
    ['2025-10-12T12:00:00', false],
    ['2025-10-13T12:00:00', true],
  ])('treats %s as a working day: %s', (local, working) => {
    expect(isChinaWorkingDay(china(local), calendar2025.holidays, calendar2025.workingWeekends)).toBe(working);
  });

  describe('properties', () => {
    const instants = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') }).map((ms) => new Date(ms));
    const holidays = fc.uniqueArray(fc.integer({ min: 0, max: 1000 }).map((d) => new Date(Date.parse('2024-01-01T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10)), { maxLength: 40 });
    const steps = fc.integer({ min: -60, max: 60 });
    const workingDaysBetween = (from: Date, to: Date, hol: string[]): number => {
      let count = 0;
      for (let d = addDays(from, 1); chinaDateOf(d) <= chinaDateOf(to); d = addDays(d, 1)) if (isChinaWorkingDay(d, hol)) count++;
      return count;
    };
    const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

    it('lands on a working day with the same time of day', () => {
      fc.assert(
        fc.property(instants, steps, holidays, (start, n, hol) => {
          fc.pre(n !== 0);
          const end = addWorkingDays(start, n, hol);
          expect(isChinaWorkingDay(end, hol)).toBe(true);
          expect(Math.abs((end.getTime() - start.getTime()) % 86_400_000)).toBe(0);
        }),
      );
    });

    it('passes exactly n working days going forward', () => {
      fc.assert(
        fc.property(instants, fc.integer({ min: 0, max: 40 }), holidays, (start, n, hol) => {
          expect(workingDaysBetween(start, addWorkingDays(start, n, hol), hol)).toBe(n);
        }),
      );
    });

    it('is undone by moving back from a working day', () => {
      fc.assert(
        fc.property(instants, steps, holidays, (start, n, hol) => {
          fc.pre(isChinaWorkingDay(start, hol));
          expect(addWorkingDays(addWorkingDays(start, n, hol), -n, hol).getTime()).toBe(start.getTime());
        }),
      );
    });

    it('never goes back in time when n grows', () => {
      fc.assert(
        fc.property(instants, steps, holidays, (start, n, hol) => {
          expect(addWorkingDays(start, n + 1, hol).getTime()).toBeGreaterThan(addWorkingDays(start, n, hol).getTime());
        }),
      );
    });
  });
});

describe('listing time limits (Qingdao example)', () => {
  it('are configuration naming their source, marked for verification', () => {
    expect(QINGDAO_LISTING_TIME_LIMITS).toMatchObject({ publishWithinWorkingDays: 5, extensionRequestLeadWorkingDays: 20, verify: true });
    expect(QINGDAO_LISTING_TIME_LIMITS.source).toMatch(/青岛/);
  });

  it('publishes a listing decided on Monday 3 March 2025 by Monday 10 March', () => {
    expect(chinaDateOf(listingPublicationDueAt(china('2025-03-03T15:00:00'), QINGDAO_LISTING_TIME_LIMITS))).toBe('2025-03-10');
  });

  it('publishes the delisting within 5 working days of acceptance, holidays skipped', () => {
    expect(chinaDateOf(delistingPublicationDueAt(china('2025-04-30T15:00:00'), QINGDAO_LISTING_TIME_LIMITS, calendar2025))).toBe('2025-05-12');
  });

  it('takes extension requests up to 20 working days before the deadline', () => {
    const deadline = china('2025-06-30T17:00:00');
    const latest = latestExtensionRequestAt(deadline, QINGDAO_LISTING_TIME_LIMITS, calendar2025);
    // 30 June back 20 working days, skipping 31 May – 2 June: Friday 30 May.
    expect(latest.toISOString()).toBe(china('2025-05-30T17:00:00').toISOString());
    expect(isExtensionRequestTimely(latest, deadline, QINGDAO_LISTING_TIME_LIMITS, calendar2025)).toBe(true);
    expect(isExtensionRequestTimely(new Date(latest.getTime() + 1), deadline, QINGDAO_LISTING_TIME_LIMITS, calendar2025)).toBe(false);
  });

  it('gives the listing body 10 working days to decide on an extension', () => {
    expect(chinaDateOf(extensionDecisionDueAt(china('2025-03-03T09:00:00'), QINGDAO_LISTING_TIME_LIMITS))).toBe('2025-03-17');
  });

  it('follows other limits when configured', () => {
    const stricter = { ...QINGDAO_LISTING_TIME_LIMITS, publishWithinWorkingDays: 3, source: 'another city' };
    expect(chinaDateOf(listingPublicationDueAt(china('2025-03-03T15:00:00'), stricter))).toBe('2025-03-06');
  });
});
