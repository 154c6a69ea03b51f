import type { AccidentContext, AccidentGrade, ReportingLevel } from '@shoutu/domain';

/**
 * Production safety accidents (生产安全事故). Every table here is grounded by `region_code`, the
 * place of the accident (copied onto its dependent rows), so each query is scoped on its own
 * without relying on a join. Timestamps are ISO-8601 UTC text.
 */
export interface AccidentTable {
  id: string;
  region_code: string;
  occurred_at: string;
  /** The calendar day of occurred_at in China (UTC+8), YYYY-MM-DD: the monthly statistics group by it. */
  occurred_on: string;
  /** When the unit learned of the accident: the reporting clock (Order 493 art. 9) starts here. */
  learned_at: string;
  /** GB 6441-86 category code. */
  type: string;
  context: AccidentContext;
  enterprise_id: string | null;
  /** The enterprise's name when the accident was reported, as the report names it. */
  enterprise_name: string | null;
  /** GB/T 4754 code (C26), from the request or the enterprise. */
  industry_code: string | null;
  summary: string | null;
  reporter: string | null;
  /** The figures as now corrected (the latest revision); the first report is revision 1. */
  deaths: number;
  serious_injuries: number;
  missing: number;
  direct_loss_yuan: number;
  grade: AccidentGrade;
  revision_count: number;
  investigation_extension_days: number;
  investigation_submitted_at: string | null;
  replied_at: string | null;
  is_demo: number;
  created_by: string | null;
  /** When the accident was logged here; statistics "as of" a date leave out accidents logged later. */
  created_at: string;
  updated_at: string;
  version: number;
}

/** Every state of an accident's figures: seq 1 is the first report, later ones are 续报 / 补报. Append-only. */
export interface AccidentRevisionTable {
  id: string;
  accident_id: string;
  region_code: string;
  seq: number;
  deaths: number;
  serious_injuries: number;
  missing: number;
  direct_loss_yuan: number;
  grade: AccidentGrade;
  reason: string | null;
  recorded_by: string | null;
  recorded_at: string;
}

/** When each regulator level received the report (Order 493 art. 9–11); one row per level. */
export interface AccidentLevelReportTable {
  id: string;
  accident_id: string;
  region_code: string;
  level: ReportingLevel;
  reported_at: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** Extensions of the investigation deadline (art. 29), each with who approved it. */
export interface AccidentInvestigationExtensionTable {
  id: string;
  accident_id: string;
  region_code: string;
  days: number;
  approved_by: string;
  reason: string;
  recorded_by: string | null;
  recorded_at: string;
}

/** Yearly control targets per region (and optionally per industry; '' is all industries). */
export interface AccidentTargetTable {
  id: string;
  region_code: string;
  year: number;
  industry_code: string;
  max_accidents: number;
  max_deaths: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AccidentTables {
  accidents: AccidentTable;
  accident_revisions: AccidentRevisionTable;
  accident_level_reports: AccidentLevelReportTable;
  accident_investigation_extensions: AccidentInvestigationExtensionTable;
  accident_targets: AccidentTargetTable;
}

export const ACCIDENT_GROUNDED_TABLES = {
  accidents: 'region_code',
  accident_revisions: 'region_code',
  accident_level_reports: 'region_code',
  accident_investigation_extensions: 'region_code',
  accident_targets: 'region_code',
} as const;
