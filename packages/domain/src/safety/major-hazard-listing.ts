/**
 * Government-supervised listing of major hazards (重大事故隐患挂牌督办). The time limits are set by
 * local rules, so they are configuration; RULES.md "Work safety" names one published example,
 * Qingdao, shipped below. Limits are counted in working days (工作日) in China time (UTC+8): a day
 * is a working day when it is Monday to Friday and not a public holiday, or when it is a weekend day
 * the State Council's yearly holiday notice makes a working day (调休上班). Both lists are passed
 * in as dates `YYYY-MM-DD`, since they are published year by year.
 */
import { DAY_MS, HOUR_MS, requireValidDate } from './time.js';

export interface ListingTimeLimits {
  /** The listing is made public within this many working days of the listing decision. */
  publishWithinWorkingDays: number;
  /** The delisting (销号) after acceptance is made public within this many working days. */
  delistingPublishWithinWorkingDays: number;
  /** An extension is requested no later than this many working days before the deadline. */
  extensionRequestLeadWorkingDays: number;
  /** The listing body decides on an extension request within this many working days. */
  extensionDecisionWithinWorkingDays: number;
  source: string;
  verify: boolean;
}

/**
 * 《青岛市安全生产事故隐患“3+X”挂牌督办暂行制度》 (Qingdao Work Safety Committee, 2012). Known from a
 * press report of it (齐鲁晚报, 17 Sep 2012), not the text itself, hence verify. The report says the
 * request is made "治理期限届满前20个工作日内"; RULES.md reads it as at least 20 working days ahead.
 */
export const QINGDAO_LISTING_TIME_LIMITS: ListingTimeLimits = {
  publishWithinWorkingDays: 5,
  delistingPublishWithinWorkingDays: 5,
  extensionRequestLeadWorkingDays: 20,
  extensionDecisionWithinWorkingDays: 10,
  source: '《青岛市安全生产事故隐患“3+X”挂牌督办暂行制度》（青岛市安委会，2012），据齐鲁晚报2012年9月17日报道',
  verify: true,
};

/** Public holidays and weekend working days (调休上班) of the years concerned, as `YYYY-MM-DD`. */
export interface WorkingCalendar {
  holidays?: readonly string[];
  workingWeekends?: readonly string[];
}

const CHINA_OFFSET_MS = 8 * HOUR_MS;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar date in China (UTC+8) of an instant, as `YYYY-MM-DD`. */
export function chinaDateOf(date: Date): string {
  return dateOfDayIndex(Math.floor((requireValidDate(date, 'date') + CHINA_OFFSET_MS) / DAY_MS));
}

/** Whether the China calendar day of the instant is a working day. */
export function isChinaWorkingDay(date: Date, holidays: readonly string[] = [], workingWeekends: readonly string[] = []): boolean {
  const isWorking = workingDayTest(holidays, workingWeekends);
  return isWorking(Math.floor((requireValidDate(date, 'date') + CHINA_OFFSET_MS) / DAY_MS));
}

/**
 * Moves `date` by `n` working days in China time, keeping its time of day: counting starts with
 * the next calendar day (the previous one when n is negative), and only working days count. So
 * Friday 10:00 + 1 is Monday 10:00, and a start on a holiday counts from the first working day
 * after it. n = 0 returns the same instant. A date listed both as a holiday and as a working
 * weekend is a RangeError.
 */
export function addWorkingDays(date: Date, n: number, holidays: readonly string[] = [], workingWeekends: readonly string[] = []): Date {
  const ms = requireValidDate(date, 'date');
  if (!Number.isSafeInteger(n)) throw new RangeError('n must be a whole number of working days');
  const isWorking = workingDayTest(holidays, workingWeekends);
  const local = ms + CHINA_OFFSET_MS;
  let day = Math.floor(local / DAY_MS);
  const timeOfDay = local - day * DAY_MS;
  const step = Math.sign(n);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorking(day)) left--;
  }
  return new Date(day * DAY_MS + timeOfDay - CHINA_OFFSET_MS);
}

/** When the listing must be public at the latest. */
export function listingPublicationDueAt(listedAt: Date, limits: ListingTimeLimits, calendar: WorkingCalendar = {}): Date {
  return addWorkingDays(listedAt, limits.publishWithinWorkingDays, calendar.holidays, calendar.workingWeekends);
}

/** When the delisting must be public at the latest, counted from the acceptance. */
export function delistingPublicationDueAt(acceptedAt: Date, limits: ListingTimeLimits, calendar: WorkingCalendar = {}): Date {
  return addWorkingDays(acceptedAt, limits.delistingPublishWithinWorkingDays, calendar.holidays, calendar.workingWeekends);
}

/** The last moment an extension of a listed hazard's deadline may be requested. */
export function latestExtensionRequestAt(deadline: Date, limits: ListingTimeLimits, calendar: WorkingCalendar = {}): Date {
  return addWorkingDays(deadline, -limits.extensionRequestLeadWorkingDays, calendar.holidays, calendar.workingWeekends);
}

export function isExtensionRequestTimely(requestedAt: Date, deadline: Date, limits: ListingTimeLimits, calendar: WorkingCalendar = {}): boolean {
  return requireValidDate(requestedAt, 'requestedAt') <= latestExtensionRequestAt(deadline, limits, calendar).getTime();
}

/** When the listing body must have decided on an extension request. */
export function extensionDecisionDueAt(requestedAt: Date, limits: ListingTimeLimits, calendar: WorkingCalendar = {}): Date {
  return addWorkingDays(requestedAt, limits.extensionDecisionWithinWorkingDays, calendar.holidays, calendar.workingWeekends);
}

/** Day numbers count days since 1970-01-01 (a Thursday) on the China calendar. */
function workingDayTest(holidays: readonly string[], workingWeekends: readonly string[]): (day: number) => boolean {
  const off = new Set(holidays.map(dayIndexOf));
  const on = new Set(workingWeekends.map(dayIndexOf));
  for (const day of on) if (off.has(day)) throw new RangeError(`${dateOfDayIndex(day)} is listed both as a holiday and as a working day`);
  return (day) => {
    if (on.has(day)) return true;
    const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
    return weekday !== 0 && weekday !== 6 && !off.has(day);
  };
}

function dayIndexOf(text: string): number {
  const m = ISO_DATE.exec(text);
  const ms = m === null ? Number.NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(ms) || dateOfDayIndex(ms / DAY_MS) !== text) throw new RangeError(`${JSON.stringify(text)} is not a date YYYY-MM-DD`);
  return ms / DAY_MS;
}

function dateOfDayIndex(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
