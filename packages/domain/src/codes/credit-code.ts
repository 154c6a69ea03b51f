/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015 "Coding rule of the unified social
 * credit identifier for legal entities and other organizations".
 *
 * 18 characters (§4): registration authority, organisation category, 6-digit administrative
 * division code, 9-character organisation code, check character. Characters are the digits and
 * the upper-case Latin letters without I, O, Z, S and V (§4.2, Table 1), so they cannot be
 * mistaken for 1, 0, 2, 5 and U; a character's value is its index in that alphabet. The check
 * character (§4.3, Appendix B) is 31 − (Σ value × weight mod 31), where 31 becomes 0. See
 * /work/shared/RULES.md "Identity and codes".
 */

export type CreditCodeResult = { ok: true; value: string } | { ok: false; reason: 'format' | 'checksum' };

/** GB 32100-2015 Table 1: the code character set; the index of a character is its value. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100-2015 Appendix B: W_i = 3^(i-1) mod 31 over the first 17 positions. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;
const FIRST_17 = /^[0-9A-HJ-NP-RTUW-Y]{17}$/;

/** The check character for the first 17 characters (upper-case, from the GB 32100 alphabet). */
export function creditCodeCheckChar(first17: string): string {
  if (!FIRST_17.test(first17)) {
    throw new RangeError('creditCodeCheckChar expects 17 characters from the GB 32100-2015 alphabet');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  const check = 31 - (sum % 31);
  return ALPHABET[check === 31 ? 0 : check] ?? '';
}

/**
 * Validates and normalises a unified social credit code: trimmed, full-width forms turned into
 * ASCII (Chinese input methods produce them) and upper-cased; then the shape, then the checksum.
 */
export function validateCreditCode(input: string): CreditCodeResult {
  if (typeof input !== 'string') return { ok: false, reason: 'format' };
  const value = normalizeFullWidth(input.trim()).toUpperCase();
  if (!SHAPE.test(value)) return { ok: false, reason: 'format' };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };
  return { ok: true, value };
}

/** Full-width forms (U+FF01–U+FF5E) map one to one onto ASCII (U+0021–U+007E). */
function normalizeFullWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
