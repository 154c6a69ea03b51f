export type EnterpriseScale = 'large' | 'medium' | 'small' | 'micro';
export const SCALES: EnterpriseScale[] = ['large', 'medium', 'small', 'micro'];

/** A supervising department (监管部门); `jurisdictionCode` is the region it supervises. */
export interface SupervisorRef {
  id: string;
  name: string;
  jurisdictionCode: string;
}

/** An entry of the enterprise register (企业档案); contacts arrive masked and are never shown in full. */
export interface Enterprise {
  id: string;
  creditCode: string;
  name: string;
  industryCode: string;
  industryName: string;
  regionCode: string;
  park: string | null;
  scale: EnterpriseScale | null;
  hazardousChemicals: boolean;
  majorHazardSource: boolean;
  principalName: string | null;
  principalPhone: string | null;
  safetyOfficerName: string | null;
  safetyOfficerPhone: string | null;
  supervisors: SupervisorRef[];
  lastInspectedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface EnterpriseFilter {
  q?: string;
  regionCode?: string;
  industry?: string;
  park?: string;
  hazardousChemicals?: boolean;
  majorHazardSource?: boolean;
}

export interface EnterpriseInput {
  creditCode: string;
  name: string;
  industryCode: string;
  regionCode: string;
  park: string | null;
  scale: EnterpriseScale | null;
  hazardousChemicals: boolean;
  majorHazardSource: boolean;
  principalName?: string;
  principalPhone?: string;
  safetyOfficerName?: string;
  safetyOfficerPhone?: string;
  supervisorUnitIds?: string[];
}

export type EnterprisePatch = Partial<EnterpriseInput> & { version: number };

export interface Industry {
  industryCode: string;
  name: string;
}

export interface SupervisingUnit {
  id: string;
  name: string;
  jurisdictionCode: string;
  withinGround: boolean;
}

export type ImportMode = 'all_or_nothing' | 'valid_rows_only';

export interface ImportRowError {
  row: number;
  column: string;
  field: string;
  code: string;
  message: { 'zh-CN': string; en: string };
}

export interface ImportResult {
  mode: ImportMode;
  total: number;
  imported: number;
  rejected: number;
  errors: ImportRowError[];
  errorsTruncated: boolean;
  errorReportId: string | null;
}
