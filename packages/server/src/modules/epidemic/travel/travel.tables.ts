/**
 * Every travel check (出行核验) and its answer. Grounded by the checkpoint's region, or by the
 * checking user's home region when no checkpoint is named. The ID number is kept only as its
 * keyed hash: the log shows who was checked to those who hold the number, and to nobody else.
 */
export interface TravelCheckTable {
  id: string;
  region_code: string;
  checkpoint_id: string | null;
  id_number_hash: string;
  destination: string;
  /** The day of travel the check was about. */
  travel_date: string;
  /** The day of the check in China, for the daily counts. */
  check_day: string;
  decision: 'allow' | 'deny' | 'alert';
  /** JSON array of { code, ruleId }. */
  reasons: string;
  checked_by: string | null;
  /** The gate device's token when a device made the check (then `checked_by` is null). */
  device_token_id: string | null;
  checked_at: string;
}

export interface TravelTables {
  travel_checks: TravelCheckTable;
}

const EPIDEMIC_ONLY = { purpose: 'epidemic_control', retention: 'epidemic' } as const;
/** Personal-data columns with purpose and retention (PIPL art. 6, 19, 28; SECURITY.md rows 19–20). */
export const TRAVEL_PERSONAL_DATA = {
  travel_checks: { id_number_hash: EPIDEMIC_ONLY, destination: EPIDEMIC_ONLY, travel_date: EPIDEMIC_ONLY, decision: EPIDEMIC_ONLY, reasons: EPIDEMIC_ONLY },
} as const;
