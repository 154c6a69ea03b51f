/**
 * The local time limits of hidden-hazard governance that a city (or province) sets for itself:
 * how long an overdue hazard stays with the county before it goes up to the city, how long the
 * acceptor may leave a rectification waiting (the regulator's own deadline), and the time limits of
 * government-supervised listing (挂牌督办, RULES.md: "Make these time limits configuration").
 * Defaults and their reasons: docs/decisions/0013-hazard-jobs-settings-and-inbox.md.
 */
import type { HazardGrade } from './hazard-state-machine.js';
import { addWorkingDays, QINGDAO_LISTING_TIME_LIMITS, type ListingTimeLimits, type WorkingCalendar } from './major-hazard-listing.js';
import { requireValidDate } from './time.js';

export interface AcceptanceWait {
  /** Working days to accept or send back a general hazard's rectification. */
  generalWorkingDays: number;
  /** Working days for a major hazard's, whose acceptance needs an assessment and an on-site review. */
  majorWorkingDays: number;
}

export interface HazardSettings {
  /** Calendar days an overdue hazard stays escalated to its county before it goes to the city. */
  cityEscalationAfterDays: number;
  acceptanceWait: AcceptanceWait;
  listing: ListingTimeLimits;
}

/**
 * 7 days at the county before the city; 3 working days to accept a general hazard; 10 working
 * days for a major one (SAWS Order 16 art. 18 review "within 10 days", [verify]); the Qingdao
 * listing limits RULES.md names, themselves [verify].
 */
export const DEFAULT_HAZARD_SETTINGS: HazardSettings = {
  cityEscalationAfterDays: 7,
  acceptanceWait: { generalWorkingDays: 3, majorWorkingDays: 10 },
  listing: QINGDAO_LISTING_TIME_LIMITS,
};

/** What a setting may be: whole days within these bounds (a longer one is a typing error, not a rule). */
export const HAZARD_SETTING_BOUNDS = {
  cityEscalationAfterDays: { min: 1, max: 90 },
  acceptanceWaitWorkingDays: { min: 1, max: 60 },
  listingWorkingDays: { min: 1, max: 120 },
} as const;

export interface HazardSettingProblem {
  /** The setting's path, e.g. `acceptanceWait.generalWorkingDays`. */
  field: string;
  problem: 'out_of_range' | 'required';
}

/** Every problem of a set of settings; none when they may be put in force. */
export function validateHazardSettings(settings: HazardSettings): HazardSettingProblem[] {
  const problems: HazardSettingProblem[] = [];
  const check = (field: string, value: number, bounds: { min: number; max: number }) => {
    if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) problems.push({ field, problem: 'out_of_range' });
  };
  check('cityEscalationAfterDays', settings.cityEscalationAfterDays, HAZARD_SETTING_BOUNDS.cityEscalationAfterDays);
  check('acceptanceWait.generalWorkingDays', settings.acceptanceWait.generalWorkingDays, HAZARD_SETTING_BOUNDS.acceptanceWaitWorkingDays);
  check('acceptanceWait.majorWorkingDays', settings.acceptanceWait.majorWorkingDays, HAZARD_SETTING_BOUNDS.acceptanceWaitWorkingDays);
  for (const key of ['publishWithinWorkingDays', 'delistingPublishWithinWorkingDays', 'extensionRequestLeadWorkingDays', 'extensionDecisionWithinWorkingDays'] as const) {
    check(`listing.${key}`, settings.listing[key], HAZARD_SETTING_BOUNDS.listingWorkingDays);
  }
  if (settings.listing.source.trim() === '') problems.push({ field: 'listing.source', problem: 'required' });
  return problems;
}

/**
 * When a rectification submitted at `submittedAt` must have been accepted or sent back: the wait
 * of its grade in working days, China time, keeping the time of day (Friday 10:00 + 3 is the next
 * Wednesday 10:00).
 */
export function acceptanceDueAt(submittedAt: Date, grade: HazardGrade, wait: AcceptanceWait, calendar: WorkingCalendar = {}): Date {
  requireValidDate(submittedAt, 'submittedAt');
  const days = grade === 'major' ? wait.majorWorkingDays : wait.generalWorkingDays;
  return addWorkingDays(submittedAt, days, calendar.holidays, calendar.workingWeekends);
}

