/**
 * Millisecond arithmetic shared by the safety clocks. Deadlines in the rules are counted in hours
 * and calendar days; a calendar day here is 24 hours of elapsed time. China has kept one offset
 * (UTC+8) without daylight saving since 1991, so 24 hours always spans one calendar day there.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Throws a RangeError for an Invalid Date, which would otherwise turn every comparison false. */
export function requireValidDate(date: Date, name: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 date-time that names its offset (`2025-06-30T18:00:00+08:00`, or `Z`) into
 * epoch milliseconds; null for anything else. A date-time without an offset is refused because
 * JavaScript would read it in the server's own zone. Unlike Date.parse, 30 February is refused
 * rather than rolled over into March.
 */
export function parseInstant(text: string): number | null {
  const m = typeof text === 'string' ? INSTANT.exec(text) : null;
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  const fields = [check.getUTCFullYear(), check.getUTCMonth() + 1, check.getUTCDate(), check.getUTCHours(), check.getUTCMinutes(), check.getUTCSeconds()];
  if (fields.join() !== [year, month, day, hour, minute, second].join()) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
