/**
 * Daily follow-up (每日随访) of a person under management by their grid: temperature, symptoms,
 * whether a test was taken and its result. Grounded by the person's grid on the day.
 */
export interface FollowupTable {
  id: string;
  region_code: string;
  person_id: string;
  /** Calendar day in China, YYYY-MM-DD. */
  followup_date: string;
  /** 0/1, in the clear so that only the rows with a test are decrypted for a release check. */
  test_taken: number;
  /**
   * Health observations (temperature, symptoms, test result, sampling time, note) as one
   * encrypted JSON value: health data is encrypted at rest (SECURITY.md row 14).
   */
  health_enc: string;
  recorded_by: string | null;
  is_demo: number;
  created_at: string;
}

export const ALERT_KINDS = ['key_area_arrival', 'listed_arrival', 'positive_test'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Something the grid must act on (预警): an arrival from a key area, a listed person arriving, a positive test. */
export interface AlertTable {
  id: string;
  /** The grid that must act. */
  region_code: string;
  kind: AlertKind;
  person_id: string | null;
  arrival_id: string | null;
  /** JSON of the facts the grid needs (origin, checkpoint, category), encrypted: an origin is whereabouts (PIPL art. 28). */
  detail_enc: string;
  status: 'open' | 'acknowledged';
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  is_demo: number;
  created_at: string;
}

export interface FollowupsTables {
  followups: FollowupTable;
  alerts: AlertTable;
}

const EPIDEMIC_ONLY = { purpose: 'epidemic_control', retention: 'epidemic' } as const;
/** Personal-data columns with purpose and retention (PIPL art. 6, 19, 28; SECURITY.md rows 19–20). */
export const FOLLOWUPS_PERSONAL_DATA = {
  followups: { followup_date: EPIDEMIC_ONLY, test_taken: EPIDEMIC_ONLY, health_enc: EPIDEMIC_ONLY },
  alerts: { kind: EPIDEMIC_ONLY, detail_enc: EPIDEMIC_ONLY },
} as const;
