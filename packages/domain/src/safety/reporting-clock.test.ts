import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ACCIDENT_GRADES, type AccidentGrade } from './accident-grade.js';
import {
  REPORTING_LEVELS,
  investigationDueAt,
  replyDueAt,
  reportingChain,
  reportingDeadlines,
  supplementaryWindowDays,
  supplementaryWindowEndsAt,
  type ReportingLevel,
} from './reporting-clock.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 08:30 China time on 3 March 2025. */
const learnedAt = new Date('2025-03-03T08:30:00+08:00');
const at = (hoursAfterLearning: number): Date => new Date(learnedAt.getTime() + hoursAfterLearning * HOUR);
const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

describe('reporting chain (Order 493 art. 10)', () => {
  it.each<[AccidentGrade, ReportingLevel[]]>([
    ['ordinary', ['county', 'city']],
    ['relatively_serious', ['county', 'city', 'province']],
    ['serious', ['county', 'city', 'province', 'state_council']],
    ['extraordinarily_serious', ['county', 'city', 'province', 'state_council']],
  ])('sends a %s accident to %j', (grade, levels) => {
    expect(reportingChain(grade)).toEqual(levels);
  });

  it('always starts at the county and climbs one level at a time', () => {
    for (const grade of ACCIDENT_GRADES) {
      const chain = reportingChain(grade);
      expect(chain).toEqual(REPORTING_LEVELS.slice(0, chain.length));
    }
  });
});

describe('reporting deadlines (Order 493 art. 9 and 11)', () => {
  it('gives the unit 1 hour and each level 2 hours after the level below reported', () => {
    const rows = reportingDeadlines(learnedAt, 'serious', { county: at(0.5), city: at(2), province: at(4) }, at(5));
    expect(rows.map((r) => [r.level, iso(r.dueAt), iso(r.reportedAt), r.status])).toEqual([
      ['county', iso(at(1)), iso(at(0.5)), 'on_time'],
      ['city', iso(at(2.5)), iso(at(2)), 'on_time'],
      ['province', iso(at(4)), iso(at(4)), 'on_time'],
      ['state_council', iso(at(6)), null, 'pending'],
    ]);
  });

  it('treats a report exactly at the deadline as on time and one millisecond later as late', () => {
    const onTime = reportingDeadlines(learnedAt, 'ordinary', { county: at(1) }, at(1));
    const late = reportingDeadlines(learnedAt, 'ordinary', { county: new Date(at(1).getTime() + 1) }, at(2));
    expect(onTime[0]?.status).toBe('on_time');
    expect(late[0]?.status).toBe('late');
  });

  it('treats an unreported level as pending up to its deadline and overdue after it', () => {
    expect(reportingDeadlines(learnedAt, 'ordinary', {}, at(1))[0]?.status).toBe('pending');
    expect(reportingDeadlines(learnedAt, 'ordinary', {}, new Date(at(1).getTime() + 1))[0]?.status).toBe('overdue');
  });

  it('counts the next 2 hours from a late report, not from the missed deadline', () => {
    const rows = reportingDeadlines(learnedAt, 'ordinary', { county: at(3), city: at(4.5) }, at(6));
    expect(rows.map((r) => [r.level, iso(r.dueAt), r.status])).toEqual([
      ['county', iso(at(1)), 'late'],
      ['city', iso(at(5)), 'on_time'],
    ]);
  });

  it('counts the next 2 hours from the deadline of a level that has not reported yet', () => {
    const rows = reportingDeadlines(learnedAt, 'relatively_serious', {}, at(4));
    expect(rows.map((r) => [r.level, iso(r.dueAt), r.status])).toEqual([
      ['county', iso(at(1)), 'overdue'],
      ['city', iso(at(3)), 'overdue'],
      ['province', iso(at(5)), 'pending'],
    ]);
  });

  it('ignores reports to levels the grade does not require', () => {
    const rows = reportingDeadlines(learnedAt, 'ordinary', { county: at(0.2), city: at(1), province: at(2) }, at(3));
    expect(rows.map((r) => r.level)).toEqual(['county', 'city']);
  });

  it('refuses an invalid date as a RangeError', () => {
    expect(() => reportingDeadlines(new Date(Number.NaN), 'ordinary', {}, at(0))).toThrow(RangeError);
    expect(() => reportingDeadlines(learnedAt, 'ordinary', { city: new Date('not a date') }, at(0))).toThrow(RangeError);
  });

  describe('properties', () => {
    const reportsArb = fc.record(
      { county: fc.nat(20 * 60), city: fc.nat(20 * 60), province: fc.nat(20 * 60), state_council: fc.nat(20 * 60) },
      { requiredKeys: [] },
    );
    const toReports = (minutes: Partial<Record<ReportingLevel, number>>): Partial<Record<ReportingLevel, Date>> =>
      Object.fromEntries(Object.entries(minutes).map(([level, m]) => [level, at(m / 60)]));

    it('lists exactly the chain of the grade, in order', () => {
      fc.assert(
        fc.property(fc.constantFrom(...ACCIDENT_GRADES), reportsArb, fc.nat(30 * 60), (grade, minutes, nowMinutes) => {
          const rows = reportingDeadlines(learnedAt, grade, toReports(minutes), at(nowMinutes / 60));
          expect(rows.map((r) => r.level)).toEqual(reportingChain(grade));
        }),
      );
    });

    it('gives each level exactly 2 hours after the report, or the deadline, of the level below', () => {
      fc.assert(
        fc.property(fc.constantFrom(...ACCIDENT_GRADES), reportsArb, fc.nat(30 * 60), (grade, minutes, nowMinutes) => {
          const rows = reportingDeadlines(learnedAt, grade, toReports(minutes), at(nowMinutes / 60));
          expect(rows[0]?.dueAt.getTime()).toBe(at(1).getTime());
          for (let i = 1; i < rows.length; i++) {
            const below = rows[i - 1];
            const start = below?.reportedAt ?? below?.dueAt;
            expect(rows[i]?.dueAt.getTime()).toBe((start?.getTime() ?? Number.NaN) + 2 * HOUR);
          }
        }),
      );
    });

    it('calls a level reported exactly when it has a report, and late or overdue exactly when past its deadline', () => {
      fc.assert(
        fc.property(fc.constantFrom(...ACCIDENT_GRADES), reportsArb, fc.nat(30 * 60), (grade, minutes, nowMinutes) => {
          const now = at(nowMinutes / 60);
          for (const row of reportingDeadlines(learnedAt, grade, toReports(minutes), now)) {
            expect(row.reportedAt !== null).toBe(row.status === 'on_time' || row.status === 'late');
            const when = row.reportedAt ?? now;
            expect(when.getTime() > row.dueAt.getTime()).toBe(row.status === 'late' || row.status === 'overdue');
          }
        }),
      );
    });
  });
});

describe('supplementary report window (Order 493 art. 13)', () => {
  it.each([['road_traffic', 7], ['fire', 7], ['other', 30]] as const)('is %s: %i days', (context, days) => {
    expect(supplementaryWindowDays(context)).toBe(days);
  });

  it('ends 7 calendar days after a fire and 30 after other accidents', () => {
    const occurredAt = new Date('2025-02-25T22:15:00+08:00');
    expect(supplementaryWindowEndsAt(occurredAt, 'fire').toISOString()).toBe(new Date('2025-03-04T22:15:00+08:00').toISOString());
    expect(supplementaryWindowEndsAt(occurredAt, 'other').toISOString()).toBe(new Date('2025-03-27T22:15:00+08:00').toISOString());
  });
});

describe('investigation report (Order 493 art. 29)', () => {
  const occurredAt = new Date('2025-01-10T09:00:00+08:00');

  it('is due 60 days after the accident', () => {
    expect(investigationDueAt(occurredAt, 0).toISOString()).toBe(new Date('2025-03-11T09:00:00+08:00').toISOString());
  });

  it('may be extended by up to 60 days, to 120 days in all', () => {
    expect(investigationDueAt(occurredAt, 60).getTime() - occurredAt.getTime()).toBe(120 * DAY);
  });

  it.each([[61], [-1], [1.5], [Number.NaN]])('refuses an extension of %d days as a RangeError', (days) => {
    expect(() => investigationDueAt(occurredAt, days)).toThrow(RangeError);
  });

  it('is due 60 + extension days after the accident for every allowed extension', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (days) => investigationDueAt(occurredAt, days).getTime() - occurredAt.getTime() === (60 + days) * DAY),
    );
  });
});

describe('government reply (Order 493 art. 32)', () => {
  const submittedAt = new Date('2025-05-01T10:00:00+08:00');

  it.each<[AccidentGrade, number]>([
    ['ordinary', 15],
    ['relatively_serious', 15],
    ['serious', 15],
    ['extraordinarily_serious', 30],
  ])('is due for a %s accident %i days after the report is received', (grade, days) => {
    expect(replyDueAt(submittedAt, grade).getTime() - submittedAt.getTime()).toBe(days * DAY);
  });

  it('may be extended by up to 30 days only for an extraordinarily serious accident', () => {
    expect(replyDueAt(submittedAt, 'extraordinarily_serious', 30).getTime() - submittedAt.getTime()).toBe(60 * DAY);
    expect(() => replyDueAt(submittedAt, 'extraordinarily_serious', 31)).toThrow(RangeError);
    expect(() => replyDueAt(submittedAt, 'serious', 1)).toThrow(RangeError);
  });
});
