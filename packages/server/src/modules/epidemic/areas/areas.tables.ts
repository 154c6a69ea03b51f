/**
 * A risk-level designation (风险区域划定) of a region at any level, in force from `effective_from`
 * until the day before `effective_to` (null: until replaced), under the rule of a policy edition.
 */
export interface AreaRiskLevelTable {
  id: string;
  region_code: string;
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

export interface AreasTables {
  area_risk_levels: AreaRiskLevelTable;
}
