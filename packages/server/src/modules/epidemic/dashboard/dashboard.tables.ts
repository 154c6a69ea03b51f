/**
 * A counter cell of the epidemic dashboard (counters.ts says what each series counts). Grounded
 * by `region_code`: a grid for persons and follow-ups, the check's region for travel checks.
 */
export interface EpidemicCounterTable {
  /** `series|day|region_code|key`: one row per cell, so a change is one upsert. */
  id: string;
  series: string;
  /** YYYY-MM-DD, or '' for a cell without a day (and a cumulative series' folded base). */
  day: string;
  region_code: string;
  /** A category, a measure, a decision, or ''. */
  key: string;
  n: number;
}

export interface DashboardTables {
  epidemic_counters: EpidemicCounterTable;
}
