export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'community' | 'zone';

/** A node of the region tree (GB/T 2260 and the statistics division codes, plus configured zones). */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  childCount: number;
}
