/**
 * Resident ID number (公民身份号码), GB 11643-1999 "Citizen identification number".
 *
 * Layout (GB 11643-1999 §4–§8): 6-digit address code (GB/T 2260 county), 8-digit birth date
 * YYYYMMDD (GB/T 7408), 3-digit sequence whose last digit is odd for a man and even for a woman,
 * then one check character computed by ISO 7064:1983 MOD 11-2. The check character can be 10,
 * which the standard writes as the Roman numeral X. See /work/shared/RULES.md "Identity and codes".
 */
export type ResidentIdResult =
  | {
      ok: true;
      /** The normalised 18-character number (ASCII digits, upper-case X). */
      value: string;
      /** YYYY-MM-DD */
      birthDate: string;
      sex: 'male' | 'female';
      /** The first 6 digits: the GB/T 2260 address code of the place of first registration. */
      regionCode: string;
    }
  | { ok: false; reason: 'format' | 'birth_date' | 'checksum' };

/** GB 11643-1999 §8.2: W_i = 2^(i-1) mod 11 for positions 18…2, i.e. left to right: */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** GB 11643-1999 §8.2: (sum mod 11) = 0…10 maps to this check character. */
const CHECK_CHARS = '10X98765432';

const SHAPE = /^\d{17}[\dX]$/;
const FIRST_17 = /^\d{17}$/;

/**
 * Birth dates before this are treated as typos, not people. The standard's own worked example
 * (440524188001010014) is born 1880, so the bound is generous; it only rejects obvious garbage
 * such as year 0000 or 0519.
 */
const EARLIEST_BIRTH_YEAR = 1800;

/**
 * "Today" is the calendar day in China Standard Time (UTC+8, no daylight saving since 1991),
 * because a baby born just after midnight in China is registered with that day even while a
 * server clock in UTC still shows the day before.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The check character for the first 17 digits (ISO 7064 MOD 11-2 as used by GB 11643-1999). */
export function residentIdCheckChar(first17: string): string {
  if (!FIRST_17.test(first17)) {
    throw new RangeError('residentIdCheckChar expects exactly 17 ASCII digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Validates and normalises a resident ID number. Input is trimmed, full-width digits and X are
 * turned into ASCII and a lower-case x into X before anything else (people type these through
 * Chinese input methods). Reasons are checked in order: format, then birth date, then checksum.
 */
export function validateResidentId(input: string, today: Date = new Date()): ResidentIdResult {
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  const value = normalizeFullWidth(input.trim()).replace(/x$/, 'X');
  if (!SHAPE.test(value)) return { ok: false, reason: 'format' };

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (!isRealDate(year, month, day) || year < EARLIEST_BIRTH_YEAR) {
    return { ok: false, reason: 'birth_date' };
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (birthDate > chinaCalendarDay(today)) return { ok: false, reason: 'birth_date' };

  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };

  // GB 11643-1999 §6.3: the sequence code's last digit (17th character) is odd for men.
  const sex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, sex, regionCode: value.slice(0, 6) };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one (proleptic Gregorian, as GB/T 7408).
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return day <= lastDay.getUTCDate();
}

/**
 * Full-width forms (U+FF01–U+FF5E) map one to one onto ASCII (U+0021–U+007E); Chinese input
 * methods produce them, so "１１０１…Ｘ" is the same number as "1101…X".
 */
function normalizeFullWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function chinaCalendarDay(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const y = String(shifted.getUTCFullYear()).padStart(4, '0');
  const m = String(shifted.getUTCMonth() + 1).padStart(2, '0');
  const d = String(shifted.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
