import type { DestructionRule } from '@shoutu/domain';

/**
 * What one destruction of epidemic personal data removed (PIPL art. 47; SECURITY.md row 19): when,
 * under which rule and period, and how many rows of each table — never whose. City-wide, not
 * grounded; read by the audit admin through the audit trail, which records each one too.
 */
export interface DestructionRecordTable {
  id: string;
  at: string;
  rule: DestructionRule;
  retention_days: number;
  /** Records whose clock started before this instant were due; null when the epidemic's end made everything due. */
  cutoff: string | null;
  /** JSON: rows removed per table, e.g. {"persons": 12, "followups": 140}. */
  counts: string;
  /** Who ran it: 'scheduler', 'cli', or a username. */
  actor: string;
}

export interface RetentionTables {
  destruction_records: DestructionRecordTable;
}
