import { isDate } from '../epidemic/dates.js';

/**
 * Purpose-bound retention of epidemic personal data (PIPL art. 19 and 47; SECURITY.md row 19;
 * decision 0020). A person's record is kept while they are under management and for a period
 * after their release — long enough for the health monitoring that follows a release and for a
 * re-positive case to be traced back — and is then destroyed. Once the epidemic is declared over
 * (an end date is configured), everything is destroyed that period after the end date, whether a
 * person was ever released or not. Arrivals not tied to a person and travel checks run on their
 * own clock: the period after they were recorded.
 */
const DAY_MS = 86_400_000;

/** Days a record is kept after the release (or after the epidemic's end), unless configured otherwise. */
export const EPIDEMIC_RETENTION_DEFAULT_DAYS = 60;
/**
 * Never shorter than the longest health monitoring after a release in the national protocols
 * (14 days, 8th edition): a shorter setting would destroy records still in use.
 */
export const EPIDEMIC_RETENTION_MIN_DAYS = 14;

export interface EpidemicRetentionPolicy {
  days: number;
  /** The epidemic's end as a China calendar day (YYYY-MM-DD), or null while it goes on. */
  epidemicEndDate: string | null;
}

/** What a destruction removes, each named in the destruction record (no personal data in it). */
export type DestructionRule = 'released_person' | 'epidemic_ended' | 'unlinked_arrival' | 'travel_check';

export interface RetentionCutoff {
  /** A record whose clock started before this instant (ISO, UTC) is due: a release, an arrival, a check. */
  before: string;
  /** The end date plus the period has passed: every record is due, managed or not. */
  epidemicOver: boolean;
}

/** Refuses a policy that would keep records too briefly or names no real end date. */
export function checkRetentionPolicy(policy: EpidemicRetentionPolicy): void {
  if (!Number.isInteger(policy.days) || policy.days < EPIDEMIC_RETENTION_MIN_DAYS) {
    throw new RangeError(`epidemic data must be kept at least ${EPIDEMIC_RETENTION_MIN_DAYS} days after a release, got ${policy.days}`);
  }
  if (policy.epidemicEndDate !== null && !isDate(policy.epidemicEndDate)) {
    throw new RangeError(`the epidemic end date must be a day YYYY-MM-DD, got ${policy.epidemicEndDate}`);
  }
}

/** Which records are due at `now` under the policy. */
export function retentionCutoff(now: Date, policy: EpidemicRetentionPolicy): RetentionCutoff {
  checkRetentionPolicy(policy);
  const before = new Date(now.getTime() - policy.days * DAY_MS).toISOString();
  // The end date is a whole day in China: the period counts from the day after it.
  const over = policy.epidemicEndDate !== null && now.getTime() >= Date.parse(`${policy.epidemicEndDate}T00:00:00+08:00`) + (policy.days + 1) * DAY_MS;
  return { before, epidemicOver: over };
}

/** The first instant at which a record whose clock started at `startedAt` is due. */
export function dueAt(startedAt: string, days: number): string {
  return new Date(Date.parse(startedAt) + days * DAY_MS).toISOString();
}
