/**
 * Mainland China mobile numbers: 11 digits, `1` then `3`–`9` then 9 digits (the numbering plan
 * of the Ministry of Industry and Information Technology, 电信网编号计划; the 13x–19x blocks).
 * People write them with spaces or hyphens (138 1234 5678, 138-1234-5678) and with the country
 * code +86 / 86 (ITU-T E.164), so those are stripped first. See /work/shared/RULES.md
 * "Identity and codes".
 */

const MOBILE = /^1[3-9]\d{9}$/;
/** Spaces of any kind and the hyphen / dash characters people and input methods use. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

/** Returns the bare 11-digit mobile number, or null when the input is not a mainland mobile. */
export function normalizeMobile(input: string): string | null {
  if (typeof input !== 'string') return null;
  let digits = normalizeFullWidth(input).replace(SEPARATORS, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  // A bare "86" is only a country code when 11 digits follow; an 11-digit number starts with 1.
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  return MOBILE.test(digits) ? digits : null;
}

/** Full-width forms (U+FF01–U+FF5E) map one to one onto ASCII (U+0021–U+007E). */
function normalizeFullWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
