import type { EnforcementMeasureKind, EnforcementStatus } from '@shoutu/domain';

export type { EnforcementMeasureKind, EnforcementStatus };

export interface EnforcementMeasure {
  kind: EnforcementMeasureKind;
  description: string | null;
  deadline: string | null;
  amountYuan: number | null;
  startsOn: string | null;
  endsOn: string | null;
}

export interface EnforcementViolation {
  description: string;
  legalBasis: string;
}

/** An enforcement case (执法案件) as the API answers it. */
export interface EnforcementCase {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  inspectionId: string | null;
  hazardIds: string[];
  caseNumber: string | null;
  status: EnforcementStatus;
  violations: EnforcementViolation[];
  measures: EnforcementMeasure[];
  fineTotalYuan: number;
  decidedBy: string | null;
  decidedOn: string | null;
  unitId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface EnforcementInput {
  inspectionId: string | null;
  hazardIds: string[];
  caseNumber: string | null;
  status: EnforcementStatus;
  violations: EnforcementViolation[];
  measures: Array<Partial<EnforcementMeasure> & { kind: EnforcementMeasureKind }>;
  decidedBy: string | null;
  decidedOn: string | null;
}

export interface EnforcementFilter {
  enterpriseId?: string;
  regionCode?: string;
  status?: EnforcementStatus;
  measure?: 'order_rectify' | 'fine' | 'suspension';
}
