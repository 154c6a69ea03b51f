import { isWithinRegion } from '../regions/region-code.js';

/**
 * A user's ground (辖区, 守土有责): the region subtrees they answer for, optionally narrowed to
 * one department's matters or to one enterprise. Everything they read or write lies inside it.
 */
export interface Ground {
  regionCodes: string[];
  departmentId?: string | null;
  enterpriseId?: string | null;
}

export function isWithinGround(regionCode: string, ground: Ground): boolean {
  return ground.regionCodes.some((root) => isWithinRegion(regionCode, root));
}

/** True when every region of `inner` lies within `outer`: one cannot grant more than one holds. */
export function isGroundWithin(inner: Ground, outer: Ground): boolean {
  return inner.regionCodes.length > 0 && inner.regionCodes.every((code) => isWithinGround(code, outer));
}
