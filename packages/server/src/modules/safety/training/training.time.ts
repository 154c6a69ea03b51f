/**
 * Instants and calendar days as training receives them. An instant must name its offset (a time
 * without one would be read in the server's zone); a day is a calendar day in China (UTC+8, no
 * daylight saving since 1991), so it starts at 16:00 UTC of the day before.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant as UTC ISO text, or null when it is not one with an offset and a real date. */
export function parseInstant(text: string): string | null {
  if (!INSTANT.test(text)) return null;
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** The instant a day in China begins, as UTC ISO text; null for anything but a real `YYYY-MM-DD`. */
export function chinaDayStart(day: string, plusDays = 0): string | null {
  const m = DAY.exec(day);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(ms + plusDays * DAY_MS - CHINA_OFFSET_MS).toISOString();
}
