/**
 * Region codes (GB/T 2260 and the statistics division codes): 6 digits down to county level,
 * 9 for a town or street, 12 for a community or village committee. A province or city code
 * pads with "00" pairs (320000, 320700), so the meaningful prefix is the code without them;
 * every descendant's code starts with that prefix, which is what makes ground checks a
 * prefix match.
 */
export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'community';

export const REGION_CODE_PATTERN = /^(\d{6}|\d{9}|\d{12})$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE_PATTERN.test(code);
}

export function regionLevel(code: string): RegionLevel {
  if (code.length === 12) return 'community';
  if (code.length === 9) return 'town';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

export function regionPrefix(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** The parent code, or null for a province. */
export function parentRegionCode(code: string): string | null {
  switch (regionLevel(code)) {
    case 'community':
      return code.slice(0, 9);
    case 'town':
      return code.slice(0, 6);
    case 'county':
      return `${code.slice(0, 4)}00`;
    case 'city':
      return `${code.slice(0, 2)}0000`;
    default:
      return null;
  }
}

/** The smallest region that contains all the given codes (a user's home in the tree), or null if none. */
export function commonRegion(codes: readonly string[]): string | null {
  let candidate: string | null = codes[0] ?? null;
  while (candidate !== null && !codes.every((code) => isWithinRegion(code, candidate!))) candidate = parentRegionCode(candidate);
  return candidate;
}

/** True when `code` lies inside (or is) the region `ancestor`. */
export function isWithinRegion(code: string, ancestor: string): boolean {
  return code.startsWith(regionPrefix(ancestor));
}
