/**
 * Calendar days and months in China for accident statistics. Accidents are stored as UTC
 * instants; a period like "1 January to 30 June" means days in China (UTC+8, without daylight
 * saving since 1991), so each day starts at 16:00 UTC of the day before.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface Period {
  /** First day, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to: string;
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day in China on which an instant falls. */
export function chinaDay(instant: Date): string {
  return format(instant.getTime() + CHINA_OFFSET_MS);
}

/** The instant a day in China begins. */
export function dayStart(day: string): Date {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d) - CHINA_OFFSET_MS);
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return format(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return (Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS;
}

/** The same day a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(day: string): string {
  const [y, m, d] = parts(day);
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function samePeriodLastYear(period: Period): Period {
  return { from: sameDayLastYear(period.from), to: sameDayLastYear(period.to) };
}

/** The half-open range of instants [from, to) the days of the period cover, as ISO text. */
export function periodInstants(period: Period): { from: string; to: string } {
  return { from: dayStart(period.from).toISOString(), to: dayStart(addDays(period.to, 1)).toISOString() };
}

/** The months YYYY-MM the period touches, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [y, m] = parts(period.from);
  const [ty, tm] = parts(period.to);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/** '2026-03' → '2025-03'. */
export function monthLastYear(month: string): string {
  return `${String(Number(month.slice(0, 4)) - 1).padStart(4, '0')}${month.slice(4)}`;
}
