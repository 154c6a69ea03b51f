import type { RiskLevel, RiskMethod } from '@shoutu/domain';

/**
 * A risk point (风险点) of an enterprise: a place or activity with its hazard factors, the
 * accidents it could lead to and how it is controlled, coloured by its latest assessment.
 * Grounded by `region_code`, copied from the enterprise on insert.
 */
export interface RiskPointTable {
  id: string;
  region_code: string;
  enterprise_id: string;
  place: string;
  hazard_factors: string;
  /** JSON array of GB 6441 accident type codes. */
  accident_types: string;
  control_measures: string;
  /** A name only; answered masked. */
  responsible_person: string | null;
  /** The latest assessment, repeated here so that lists and overviews read one row. */
  method: RiskMethod;
  /** JSON: { likelihood, severity } for LS, { l, e, c } for LEC. */
  inputs: string;
  score: number;
  level: RiskLevel;
  thresholds_source: string;
  assessed_at: string;
  /** Set when the point no longer exists (撤销); its history stays. */
  retired_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Every assessment of a risk point, kept: the level history, with the bands each one used. */
export interface RiskAssessmentTable {
  id: string;
  risk_point_id: string;
  region_code: string;
  method: RiskMethod;
  inputs: string;
  score: number;
  level: RiskLevel;
  /** JSON RiskThresholds as applied, source included. */
  thresholds: string;
  note: string | null;
  assessed_at: string;
  assessed_by: string | null;
  assessed_by_name: string | null;
}

/**
 * Risk bands (分级阈值) set for a province or a city; the nearest one at or above a risk point's
 * region applies, and without any the domain's documented defaults do. Grounded by the region it
 * is set for, so only someone whose ground holds that region may change it.
 */
export interface RiskThresholdsTable {
  region_code: string;
  source: string;
  lec_red: number;
  lec_orange: number;
  lec_yellow: number;
  ls_red: number;
  ls_orange: number;
  ls_yellow: number;
  updated_at: string;
  updated_by: string | null;
  version: number;
}

export interface RiskTables {
  risk_points: RiskPointTable;
  risk_assessments: RiskAssessmentTable;
  risk_thresholds: RiskThresholdsTable;
}

export const RISK_GROUNDED_TABLES = {
  risk_points: 'region_code',
  risk_assessments: 'region_code',
  risk_thresholds: 'region_code',
} as const;
