/**
 * Calendar dates for the epidemic rules: `YYYY-MM-DD` strings naming a day in China (UTC+8).
 * Quarantine days, test days and risk-area clocks are counted in whole calendar days, so the
 * arithmetic works on day numbers (days since 1970-01-01) computed in UTC: no server time zone or
 * daylight-saving change can move a date by one. Internal to the epidemic module.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** True for a real calendar date written `YYYY-MM-DD` (30 February is not one). */
export function isDate(text: string): boolean {
  return parse(text) !== null;
}

/** Days since 1970-01-01; throws a RangeError for anything that is not a real `YYYY-MM-DD` date. */
export function toDayNumber(date: string): number {
  const day = parse(date);
  if (day === null) throw new RangeError(`expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return day;
}

export function fromDayNumber(day: number): string {
  const d = new Date(day * DAY_MS);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${dd}`;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in whole days (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: string, b: string): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** Half-open validity `[effectiveFrom, effectiveTo)`; a null end means still in force. */
export function isInEffect(item: { effectiveFrom: string; effectiveTo: string | null }, date: string): boolean {
  const day = toDayNumber(date);
  return toDayNumber(item.effectiveFrom) <= day && (item.effectiveTo === null || day < toDayNumber(item.effectiveTo));
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Hours between two ISO 8601 instants that name their offset; null when either is not one. A time
 * without an offset is refused because JavaScript would read it in the server's own zone.
 */
export function hoursBetween(from: string, to: string): number | null {
  if (!INSTANT.test(from) || !INSTANT.test(to)) return null;
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) ? null : (b - a) / HOUR_MS;
}

function parse(text: string): number | null {
  const m = typeof text === 'string' ? DATE.exec(text) : null;
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round(d.getTime() / DAY_MS);
}
