import type { RiskLevel, RiskMethod, RiskThresholds as Bands } from '@shoutu/domain';

export type { RiskLevel, RiskMethod };

export interface AssessmentInput {
  method: RiskMethod;
  likelihood?: number;
  severity?: number;
  l?: number;
  e?: number;
  c?: number;
}

/** A risk point as the API answers it; the responsible person arrives masked. */
export interface RiskPoint {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  place: string;
  hazardFactors: string;
  accidentTypes: string[];
  controlMeasures: string;
  responsiblePerson: string | null;
  method: RiskMethod;
  inputs: Omit<AssessmentInput, 'method'>;
  score: number;
  level: RiskLevel;
  thresholdsSource: string;
  assessedAt: string;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RiskAssessment {
  id: string;
  method: RiskMethod;
  inputs: Omit<AssessmentInput, 'method'>;
  score: number;
  level: RiskLevel;
  thresholds: Bands;
  note: string | null;
  assessedAt: string;
  assessedByName: string | null;
}

export interface RiskPointDetail extends RiskPoint {
  assessments: RiskAssessment[];
}

export interface RiskPointInput {
  enterpriseId: string;
  place: string;
  hazardFactors: string;
  accidentTypes: string[];
  controlMeasures: string;
  responsiblePerson?: string | null;
  assessment: AssessmentInput;
}

export interface RiskPointFilter {
  enterpriseId?: string;
  level?: RiskLevel;
  regionCode?: string;
}

export type LevelCounts = Record<RiskLevel, number>;

export interface RiskOverview {
  regionCode: string;
  total: LevelCounts;
  children: Array<LevelCounts & { regionCode: string; name: string }>;
  enterprises: Array<LevelCounts & { enterpriseId: string; name: string }>;
}

export interface ThresholdsInForce extends Bands {
  regionCode: string | null;
  version: number;
}
