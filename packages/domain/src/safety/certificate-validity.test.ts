import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CERTIFICATE_ALERT_WINDOW_DAYS,
  CERTIFICATE_KINDS,
  CERTIFICATE_STATUSES,
  CERTIFICATE_VALIDITY_RULES,
  addCertificateYears,
  certificateRuleFor,
  certificateStanding,
  checkCertificateDates,
  defaultCertificateDates,
  dueOnRangeFor,
  reviewDueAfter,
  type CertificateStatus,
} from './certificate-validity.js';

const EXPIRES = '2026-06-30';
const expiringOn = (expiresOn: string, reviewDueOn: string | null = null) => ({ expiresOn, reviewDueOn });

describe('certificate standing around the due date', () => {
  it.each<[string, string, CertificateStatus, number]>([
    ['the day after expiry', '2026-07-01', 'expired', -1],
    ['the day of expiry', '2026-06-30', 'expiring', 0],
    ['the day before expiry', '2026-06-29', 'expiring', 1],
    ['exactly 90 days before', '2026-04-01', 'expiring', 90],
    ['91 days before', '2026-03-31', 'valid', 91],
    ['a year after expiry', '2027-06-30', 'expired', -365],
  ])('on %s (%s) is %s with %i days left', (_what, today, status, daysLeft) => {
    expect(certificateStanding(expiringOn(EXPIRES), today)).toEqual({ status, due: 'expiry', dueOn: EXPIRES, daysLeft });
  });

  it('counts whole calendar days across a month end and a leap day', () => {
    expect(certificateStanding(expiringOn('2028-03-01'), '2028-02-28').daysLeft).toBe(2);
    expect(certificateStanding(expiringOn('2027-03-01'), '2027-02-28').daysLeft).toBe(1);
    expect(certificateStanding(expiringOn('2027-01-01'), '2026-12-31').status).toBe('expiring');
  });

  it('takes a review that falls before expiry as the due date: an unreviewed certificate lapses', () => {
    const dates = expiringOn('2028-05-10', '2025-05-10');
    expect(certificateStanding(dates, '2025-05-10')).toEqual({ status: 'expiring', due: 'review', dueOn: '2025-05-10', daysLeft: 0 });
    expect(certificateStanding(dates, '2025-05-11')).toEqual({ status: 'expired', due: 'review', dueOn: '2025-05-10', daysLeft: -1 });
    expect(certificateStanding(dates, '2025-02-08').status).toBe('valid');
  });

  it('takes the expiry when the review is not earlier', () => {
    expect(certificateStanding(expiringOn('2026-06-30', '2026-06-30'), '2026-06-30').due).toBe('expiry');
  });

  it('accepts another window', () => {
    expect(certificateStanding(expiringOn(EXPIRES), '2026-05-31', 30).status).toBe('expiring');
    expect(certificateStanding(expiringOn(EXPIRES), '2026-05-30', 30).status).toBe('valid');
    expect(certificateStanding(expiringOn(EXPIRES), '2026-06-30', 0).status).toBe('expiring');
  });

  it('refuses dates that are not calendar days and a negative window', () => {
    expect(() => certificateStanding(expiringOn('2026-02-30'), '2026-01-01')).toThrow(RangeError);
    expect(() => certificateStanding(expiringOn(EXPIRES), '2026/01/01')).toThrow(RangeError);
    expect(() => certificateStanding(expiringOn(EXPIRES), '2026-01-01', -1)).toThrow(RangeError);
  });
});

describe('the due-date range of each status', () => {
  it.each<[CertificateStatus, { from: string | null; to: string | null }]>([
    ['expired', { from: null, to: '2026-04-30' }],
    ['expiring', { from: '2026-05-01', to: '2026-07-30' }],
    ['valid', { from: '2026-07-31', to: null }],
  ])('on 2026-05-01 %s is due %j', (status, range) => {
    expect(dueOnRangeFor(status, '2026-05-01')).toEqual(range);
  });

  it('agrees with certificateStanding for any due date, today and window', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 400 }), (dueOn, today, window) => {
        const { status } = certificateStanding(expiringOn(dueOn), today, window);
        for (const candidate of CERTIFICATE_STATUSES) {
          const { from, to } = dueOnRangeFor(candidate, today, window);
          const inside = (from === null || from <= dueOn) && (to === null || dueOn <= to);
          expect(inside, `${candidate} for ${dueOn} on ${today}, window ${window}`).toBe(candidate === status);
        }
      }),
    );
  });
});

describe('validity periods by kind [verify]', () => {
  it('has exactly one edition in force for every kind, each marked verify with its source', () => {
    for (const kind of CERTIFICATE_KINDS) {
      const rule = certificateRuleFor(kind, '2024-01-01');
      expect(rule?.kind).toBe(kind);
      expect(rule?.verify).toBe(true);
      expect(rule?.source.length).toBeGreaterThan(10);
    }
    expect(CERTIFICATE_VALIDITY_RULES).toHaveLength(CERTIFICATE_KINDS.length);
  });

  it.each([
    ['special_operation', '2020-03-21', { expiresOn: '2026-03-21', reviewDueOn: '2023-03-21' }],
    ['principal', '2024-02-29', { expiresOn: '2027-02-28', reviewDueOn: null }],
    ['safety_manager', '2023-07-01', { expiresOn: '2026-07-01', reviewDueOn: null }],
  ] as const)('gives a %s certificate issued %s the dates %j', (kind, issuedOn, dates) => {
    expect(defaultCertificateDates(kind, issuedOn)).toEqual(dates);
  });

  it('has no rule for a certificate issued before the first edition: its dates must be typed', () => {
    expect(defaultCertificateDates('special_operation', '2010-06-30')).toBeNull();
    expect(defaultCertificateDates('special_operation', '2010-07-01')).not.toBeNull();
  });

  it('puts the next review three years after the last one, unless the certificate expires first', () => {
    expect(reviewDueAfter('special_operation', '2020-03-21', '2023-03-25', '2026-03-21')).toBeNull();
    expect(reviewDueAfter('special_operation', '2020-03-21', '2022-03-01', '2026-03-21')).toBe('2025-03-01');
    expect(reviewDueAfter('principal', '2020-03-21', '2022-03-01', '2023-03-21')).toBeNull();
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(addCertificateYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addCertificateYears('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('checking the dates of a certificate', () => {
  const today = '2026-05-01';
  it.each([
    [{ issuedOn: '2024-01-01', expiresOn: '2027-01-01', reviewDueOn: null }, []],
    [{ issuedOn: '2024-01-01', expiresOn: '2030-01-01', reviewDueOn: '2027-01-01' }, []],
    [{ issuedOn: '2026-05-01', expiresOn: '2029-05-01', reviewDueOn: null }, []],
    [{ issuedOn: '2026-05-02', expiresOn: '2029-05-02', reviewDueOn: null }, [{ field: 'issuedOn', problem: 'in_future' }]],
    [{ issuedOn: '2024-02-30', expiresOn: '2027-01-01', reviewDueOn: null }, [{ field: 'issuedOn', problem: 'invalid_date' }]],
    [{ issuedOn: '2024-01-01', expiresOn: '2024-01-01', reviewDueOn: null }, [{ field: 'expiresOn', problem: 'not_after_issue' }]],
    [{ issuedOn: '2024-01-01', expiresOn: '2030-01-01', reviewDueOn: '2023-12-31' }, [{ field: 'reviewDueOn', problem: 'not_after_issue' }]],
    [{ issuedOn: '2024-01-01', expiresOn: '2030-01-01', reviewDueOn: '2030-01-01' }, [{ field: 'reviewDueOn', problem: 'not_before_expiry' }]],
    [{ issuedOn: 'x', expiresOn: 'y', reviewDueOn: 'z' }, [{ field: 'issuedOn', problem: 'invalid_date' }, { field: 'expiresOn', problem: 'invalid_date' }, { field: 'reviewDueOn', problem: 'invalid_date' }]],
  ])('%j → %j', (dates, problems) => {
    expect(checkCertificateDates(dates, today)).toEqual(problems);
  });

  it('alerts 90 days ahead by default', () => {
    expect(CERTIFICATE_ALERT_WINDOW_DAYS).toBe(90);
  });
});
