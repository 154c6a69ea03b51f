import { commonRegion, regionLevel } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';

/**
 * How an overview adds up a subtree by child region: counties under a city, towns under a county,
 * communities under a town (a community is its own only child), cities under a province. Rows are
 * counted in SQL per `digits` leading digits of the region code and named here by `childOf`.
 */
export function childGrouping(regionCode: string): { digits: number; childOf: (code: string) => string } {
  switch (regionLevel(regionCode)) {
    case 'province':
      return { digits: 4, childOf: (code) => `${code.slice(0, 4)}00` };
    case 'city':
      return { digits: 6, childOf: (code) => code.slice(0, 6) };
    case 'county':
      return { digits: 9, childOf: (code) => code.slice(0, 9) };
    default:
      return { digits: 12, childOf: (code) => code.slice(0, 12) };
  }
}

/** The region an overview is of when none is asked for: the smallest one holding the caller's whole ground. */
export function defaultOverviewRegion(ctx: RequestContext): string {
  const codes = ctx.actor!.ground.regionCodes;
  return commonRegion(codes) ?? codes[0] ?? '';
}
