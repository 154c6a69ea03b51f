/** Exposure settings (接触场所) a contact tracer records; the last is for anything else. */
export const EXPOSURE_SETTINGS = ['household', 'workplace', 'transport', 'gathering', 'medical', 'other'] as const;
export type ExposureSetting = (typeof EXPOSURE_SETTINGS)[number];

/**
 * One exposure found by contact tracing (流调): the source person exposed the target person on a
 * day in a setting. Grounded by the target's grid: the district that manages the contact owns the
 * record of how they were exposed.
 */
export interface ExposureTable {
  id: string;
  region_code: string;
  source_person_id: string;
  target_person_id: string;
  setting: ExposureSetting;
  /** Calendar day in China, YYYY-MM-DD. */
  exposure_date: string;
  /** Free text of the tracer, encrypted: it may name places and people (PIPL art. 28). */
  note_enc: string | null;
  recorded_by: string | null;
  is_demo: number;
  created_at: string;
}

export interface TracingTables {
  exposures: ExposureTable;
}

/** Personal-data columns with purpose and retention (PIPL art. 6, 19, 28; SECURITY.md rows 19–20). */
const EPIDEMIC_ONLY = { purpose: 'epidemic_control', retention: 'epidemic' } as const;
export const TRACING_PERSONAL_DATA = {
  exposures: { setting: EPIDEMIC_ONLY, exposure_date: EPIDEMIC_ONLY, note_enc: EPIDEMIC_ONLY },
} as const;
