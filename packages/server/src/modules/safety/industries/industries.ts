import { INDUSTRIES, type Industry } from './industries.data.js';

const BY_CODE = new Map(INDUSTRIES.map((industry) => [industry.code, industry]));
const BY_NAME = new Map(INDUSTRIES.map((industry) => [industry.name, industry]));

/** A section letter, optionally followed by a 2-digit division (and finer digits in a filter). */
export const INDUSTRY_CODE_PATTERN = '^[A-T](\\d{2}(\\d{1,2})?)?$';

export function industryByCode(code: string): Industry | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/**
 * What people type in a spreadsheet: the code (C26), the code and name (C26 化学原料和化学制品制造业)
 * or the name alone. A name shared by a section and its only division (房地产业) gives the division.
 */
export function resolveIndustry(input: string): Industry | undefined {
  const text = input.trim();
  const code = /^([A-Ta-t]\d{0,2})(?:[\s:：、-]+.*)?$/.exec(text)?.[1];
  if (code) return industryByCode(code);
  const named = INDUSTRIES.filter((industry) => industry.name === text);
  return named[named.length - 1] ?? BY_NAME.get(text);
}

/**
 * The "three musts" lookup (管行业必须管安全): among the mapped industry prefixes, those that the
 * enterprise's code starts with, longest first; the caller takes the units of the longest one.
 */
export function longestMatchingPrefix(industryCode: string, prefixes: Iterable<string>): string | null {
  let best: string | null = null;
  for (const prefix of prefixes) {
    if (industryCode.startsWith(prefix) && (best === null || prefix.length > best.length)) best = prefix;
  }
  return best;
}
