/**
 * A risk-level designation (风险区域划定) of a region at any level, in force from `effective_from`
 * until the day before `effective_to` (null: until replaced), under the rule of a policy edition.
 */
export interface AreaRiskLevelTable {
  id: string;
  /** The region designated, or the community holding the named place designated. */
  region_code: string;
  /** A named place (building, market…) inside `region_code`; null for a whole region. */
  place_id: string | null;
  level: 'low' | 'medium' | 'high';
  effective_from: string;
  effective_to: string | null;
  /** The policy edition whose area rules the designation follows (POLICY_EDITIONS code). */
  edition: string;
  set_by: string | null;
  reason: string;
  is_demo: number;
  created_at: string;
}

export const PLACE_KINDS = ['building', 'residential_compound', 'market', 'mall', 'workplace', 'school', 'venue', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/**
 * A named place inside a community (a building, a market…) that can be designated a risk area
 * and named in an itinerary (decision 0025). Grounded by its community.
 */
export interface NamedPlaceTable {
  id: string;
  region_code: string;
  name: string;
  kind: PlaceKind;
  created_by: string | null;
  is_demo: number;
  created_at: string;
}

export interface AreasTables {
  area_risk_levels: AreaRiskLevelTable;
  named_places: NamedPlaceTable;
}
