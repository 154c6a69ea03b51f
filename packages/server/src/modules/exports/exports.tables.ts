import type { ExportFormat, StoredExportStatus } from '@shoutu/domain';

/**
 * One export of a list (SECURITY.md row 18): produced at once when short or not about persons,
 * otherwise a request that another official approves before the requester downloads it once.
 * `region_code` is the requester's home region (the smallest region holding their ground), so an
 * approver sees a request only when the requester's whole ground lies in theirs.
 */
export interface ExportRequestTable {
  id: string;
  region_code: string;
  /** Which list: persons, enterprises, … (a registered export kind). */
  kind: string;
  format: ExportFormat;
  /** The list's filter as JSON; filters carry no personal data. */
  filter: string;
  unmasked: number;
  /** Why the requester needs the list; required for an unmasked export. */
  reason: string | null;
  status: StoredExportStatus;
  /** Rows of the filter when requested. */
  row_count: number;
  requester_id: string;
  requester_name: string;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
  decided_at: string | null;
  /** End of the download window of an approved request. */
  expires_at: string | null;
  /** The file that left the server: when, how many rows, its SHA-256 (also in the audit row). */
  produced_at: string | null;
  file_rows: number | null;
  file_sha256: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ExportTables {
  export_requests: ExportRequestTable;
}

/** Grounded tables of the exports module and the column that places each row in the region tree. */
export const EXPORTS_GROUNDED_TABLES: Readonly<Record<string, string>> = {
  export_requests: 'region_code',
};

/** Who asked for and who decided an export is part of the accountability trail. */
const ACCOUNTABILITY = { purpose: 'audit', retention: 'audit_trail' } as const;

/** Personal-data columns of these tables (merged into privacy/personal-data-tags.ts). */
export const EXPORTS_PERSONAL_DATA = {
  export_requests: { requester_name: ACCOUNTABILITY, decided_by_name: ACCOUNTABILITY },
} as const;
