import type { EnforcementStatus } from '@shoutu/domain';

/**
 * An enforcement case (执法案件) against one enterprise: the violations found, the measures decided,
 * who decided and when. Grounded by `region_code`, the enterprise's community, copied on insert.
 * Violations and measures are parts of the record, kept as JSON (the domain's EnforcementViolation
 * and EnforcementMeasure); what lists filter on is repeated in its own columns.
 */
export interface EnforcementCaseTable {
  id: string;
  region_code: string;
  enterprise_id: string;
  /** The inspection it arose from, if any. */
  inspection_id: string | null;
  /** JSON array of hazard ids of the same enterprise. */
  hazard_ids: string;
  /** The decision's document number, e.g. （连）应急罚〔2026〕12号. */
  case_number: string | null;
  status: EnforcementStatus;
  violations: string;
  measures: string;
  /** Repeated from `measures` for lists and sums: the fines in whole yuan, and 0/1 flags. */
  fine_total_yuan: number;
  orders_rectification: number;
  suspends_production: number;
  /** The authority that decided (作出决定的机关) and the day, `YYYY-MM-DD`. */
  decided_by: string | null;
  decided_on: string | null;
  /** The department of the regulator who recorded it. */
  unit_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface EnforcementTables {
  enforcement_cases: EnforcementCaseTable;
}

export const ENFORCEMENT_GROUNDED_TABLES = {
  enforcement_cases: 'region_code',
} as const;
