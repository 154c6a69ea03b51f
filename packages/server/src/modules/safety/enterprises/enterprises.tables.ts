export type EnterpriseScale = 'large' | 'medium' | 'small' | 'micro';

/**
 * The enterprise register (企业档案). Grounded by `region_code`, the enterprise's community or
 * village committee. The four contact columns are personal data (PIPL art. 13: needed to reach the
 * persons responsible for safety in an emergency; kept while the enterprise is registered): each is
 * stored AES-GCM encrypted with the column bound in (`enterprises.<column>`) and only ever shown
 * masked.
 */
export interface EnterpriseTable {
  id: string;
  /** Unified social credit code, GB 32100-2015; unique across the city. */
  credit_code: string;
  name: string;
  /** GB/T 4754-2017 code with its section letter (C26) and the name it had when chosen. */
  industry_code: string;
  industry_name: string;
  region_code: string;
  park: string | null;
  scale: EnterpriseScale | null;
  hazardous_chemicals: number;
  major_hazard_source: number;
  principal_name: string | null;
  principal_phone: string | null;
  safety_officer_name: string | null;
  safety_officer_phone: string | null;
  /** Set by inspections; the "three musts" report lists enterprises not inspected for N months. */
  last_inspected_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Supervising departments of an enterprise (units of kind department). Read through `enterprises`, which is grounded. */
export interface EnterpriseSupervisorTable {
  id: string;
  enterprise_id: string;
  unit_id: string;
  created_at: string;
}

/** The "three musts" mapping (管行业必须管安全): an industry code prefix and a department that supervises it. */
export interface IndustrySupervisionTable {
  id: string;
  industry_prefix: string;
  unit_id: string;
  created_at: string;
}

/** The per-row errors of an import, kept for a week so that the uploader can download them as a sheet. */
export interface EnterpriseImportReportTable {
  id: string;
  actor_id: string;
  created_at: string;
  mode: string;
  total_rows: number;
  imported: number;
  rejected: number;
  /** JSON array of ImportRowError; no contact details are ever written into it. */
  errors: string;
}

export interface EnterpriseTables {
  enterprises: EnterpriseTable;
  enterprise_supervisors: EnterpriseSupervisorTable;
  industry_supervision: IndustrySupervisionTable;
  enterprise_import_reports: EnterpriseImportReportTable;
}

/** Why a personal-data column is kept and when it goes (PIPL art. 6, 13, 19; SECURITY.md row 20). */
export interface EnterpriseContactTag {
  /** To reach the persons responsible for an enterprise's safety, above all in an emergency. */
  purpose: 'work_safety_contact';
  /** Kept while the enterprise is registered; replaced when the enterprise reports new persons. */
  retention: 'while_registered';
}

const CONTACT: EnterpriseContactTag = { purpose: 'work_safety_contact', retention: 'while_registered' };

/** Every personal-data column of the register with its tag; the other tables hold none. */
export const ENTERPRISE_PERSONAL_DATA: Readonly<Record<keyof EnterpriseTables, Readonly<Record<string, EnterpriseContactTag>>>> = {
  enterprises: { principal_name: CONTACT, principal_phone: CONTACT, safety_officer_name: CONTACT, safety_officer_phone: CONTACT },
  enterprise_supervisors: {},
  industry_supervision: {},
  enterprise_import_reports: {},
};
