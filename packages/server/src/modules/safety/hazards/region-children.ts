import { commonRegion, regionLevel } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';

/**
 * How an overview adds up a subtree by child region: counties under a city, towns under a county,
 * communities under a town (a community is its own only child), cities under a province. Rows are
 * counted per region code in SQL and added up here by the code's leading digits.
 */
export function childGrouping(regionCode: string): { childOf: (code: string) => string } {
  switch (regionLevel(regionCode)) {
    case 'province':
      return { childOf: (code) => `${code.slice(0, 4)}00` };
    case 'city':
      return { childOf: (code) => code.slice(0, 6) };
    case 'county':
      return { childOf: (code) => code.slice(0, 9) };
    default:
      return { childOf: (code) => code.slice(0, 12) };
  }
}

/** The region an overview is of when none is asked for: the smallest one holding the caller's whole ground. */
export function defaultOverviewRegion(ctx: RequestContext): string {
  const codes = ctx.actor!.ground.regionCodes;
  return commonRegion(codes) ?? codes[0] ?? '';
}
