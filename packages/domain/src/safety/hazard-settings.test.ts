import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptanceDueAt, DEFAULT_HAZARD_SETTINGS, HAZARD_SETTING_BOUNDS, validateHazardSettings, type HazardSettings } from './hazard-settings.js';
import { chinaDateOf, isChinaWorkingDay } from './major-hazard-listing.js';

const china = (local: string) => new Date(`${local}+08:00`);
const WAIT = DEFAULT_HAZARD_SETTINGS.acceptanceWait;

describe('hazard settings', () => {
  it('ships defaults that pass their own validation: 7 days to the city, 3 / 10 working days to accept, the Qingdao listing limits', () => {
    expect(validateHazardSettings(DEFAULT_HAZARD_SETTINGS)).toEqual([]);
    expect(DEFAULT_HAZARD_SETTINGS).toMatchObject({ cityEscalationAfterDays: 7, acceptanceWait: { generalWorkingDays: 3, majorWorkingDays: 10 }, listing: { publishWithinWorkingDays: 5, verify: true } });
  });

  it.each([
    ['cityEscalationAfterDays', { cityEscalationAfterDays: 0 }],
    ['cityEscalationAfterDays', { cityEscalationAfterDays: HAZARD_SETTING_BOUNDS.cityEscalationAfterDays.max + 1 }],
    ['cityEscalationAfterDays', { cityEscalationAfterDays: 2.5 }],
    ['acceptanceWait.generalWorkingDays', { acceptanceWait: { ...WAIT, generalWorkingDays: 0 } }],
    ['acceptanceWait.majorWorkingDays', { acceptanceWait: { ...WAIT, majorWorkingDays: 61 } }],
    ['listing.extensionRequestLeadWorkingDays', { listing: { ...DEFAULT_HAZARD_SETTINGS.listing, extensionRequestLeadWorkingDays: -1 } }],
  ] as Array<[string, Partial<HazardSettings>]>)('refuses %s out of its bounds (%o)', (field, change) => {
    expect(validateHazardSettings({ ...DEFAULT_HAZARD_SETTINGS, ...change })).toEqual([{ field, problem: 'out_of_range' }]);
  });

  it('accepts every bound itself and asks for the listing limits’ source', () => {
    const { min, max } = HAZARD_SETTING_BOUNDS.acceptanceWaitWorkingDays;
    expect(validateHazardSettings({ ...DEFAULT_HAZARD_SETTINGS, cityEscalationAfterDays: 1, acceptanceWait: { generalWorkingDays: min, majorWorkingDays: max } })).toEqual([]);
    expect(validateHazardSettings({ ...DEFAULT_HAZARD_SETTINGS, listing: { ...DEFAULT_HAZARD_SETTINGS.listing, source: '  ' } })).toEqual([{ field: 'listing.source', problem: 'required' }]);
  });
});

describe('acceptance due time', () => {
  it('counts 3 working days for a general hazard, keeping the time of day: Friday 10:00 → Wednesday 10:00', () => {
    expect(acceptanceDueAt(china('2026-01-09T10:00:00'), 'general', WAIT)).toEqual(china('2026-01-14T10:00:00'));
  });

  it('counts 10 working days for a major hazard: two whole weeks', () => {
    expect(acceptanceDueAt(china('2026-01-05T09:30:00'), 'major', WAIT)).toEqual(china('2026-01-19T09:30:00'));
  });

  it('skips public holidays and counts weekend working days of the calendar', () => {
    // 2026-01-01 (Thursday) and 02 off, Sunday 04 worked instead.
    const calendar = { holidays: ['2026-01-01', '2026-01-02'], workingWeekends: ['2026-01-04'] };
    expect(chinaDateOf(acceptanceDueAt(china('2025-12-31T16:00:00'), 'general', WAIT, calendar))).toBe('2026-01-06');
  });

  it('always falls on a working day, later than the submission, whatever the wait', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }), fc.integer({ min: 1, max: 60 }), fc.constantFrom('general' as const, 'major' as const), (ms, days, grade) => {
        const submitted = new Date(ms);
        const due = acceptanceDueAt(submitted, grade, { generalWorkingDays: days, majorWorkingDays: days });
        expect(due.getTime()).toBeGreaterThanOrEqual(submitted.getTime() + days * 86_400_000);
        expect(isChinaWorkingDay(due)).toBe(true);
      }),
    );
  });

  it('refuses an invalid submission time', () => {
    expect(() => acceptanceDueAt(new Date(Number.NaN), 'general', WAIT)).toThrow(RangeError);
  });
});
