/**
 * Persons under management (管控人员) and what is kept about them over time.
 *
 * Name, ID number, phone and address are stored encrypted (AES-256-GCM, `persons.<column>` bound
 * in as associated data) and found through keyed hashes (SECURITY.md row 14). Sex and birth year
 * are derived from the ID number and stored in the clear: together they are far from
 * identifying (tens of thousands of people per district share a sex and a birth year), and the
 * dashboards count by them without decrypting a row. The full birth date and the address code of
 * the ID number stay inside the encrypted ID.
 */
export interface PersonTable {
  id: string;
  /** The grid: a 12-digit community / village code. Ground scoping applies to it. */
  region_code: string;
  name_enc: string;
  id_number_enc: string;
  /** blindIndex(normalised ID, 'resident_id'); unique: the same ID number is one person. */
  id_number_hash: string;
  phone_enc: string;
  /** blindIndex(11-digit mobile, 'mobile'); a family may share a phone, so not unique. */
  phone_hash: string;
  address_enc: string | null;
  sex: 'male' | 'female';
  birth_year: number;
  grid_worker_id: string | null;
  category: string;
  /** Calendar days, YYYY-MM-DD. */
  onset_date: string | null;
  last_exposure_date: string | null;
  sample_date: string | null;
  report_date: string | null;
  arrival_date: string | null;
  status: 'managed' | 'released';
  /** When the person was released; null while under management. Retention runs from it (decision 0020). */
  released_at: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Every category a person has had, with who changed it and why. */
export interface PersonCategoryHistoryTable {
  id: string;
  person_id: string;
  category: string;
  /** The category before the change; null for the first registration. */
  from_category: string | null;
  changed_by: string | null;
  reason: string | null;
  at: string;
}

/** Every measure plan ever computed for a person; the current one has no `superseded_at`. */
export interface PersonMeasurePlanTable {
  id: string;
  person_id: string;
  /** JSON of the computed plan (measure, steps, end date, tests, edition). */
  plan: string;
  edition: string;
  computed_at: string;
  superseded_at: string | null;
}

/**
 * Each person's own data key (decision 0020): the person's encrypted fields are sealed under it,
 * and it is kept here wrapped under the master key. Destroying a person deletes this row, which
 * leaves every remaining copy of their fields (old row versions, the write-ahead log) unreadable.
 */
export interface PersonKeyTable {
  person_id: string;
  key_enc: string;
  created_at: string;
}

export interface PersonsTables {
  persons: PersonTable;
  person_keys: PersonKeyTable;
  person_category_history: PersonCategoryHistoryTable;
  person_measure_plans: PersonMeasurePlanTable;
}

/** Why a personal-data column is kept and when it goes (PIPL art. 6, 19, 28; SECURITY.md rows 19–20). */
export interface PersonalDataTag {
  purpose: 'epidemic_control';
  /** Destroyed with the epidemic's data after its end date plus the retention period. */
  retention: 'epidemic';
}

const EPIDEMIC: PersonalDataTag = { purpose: 'epidemic_control', retention: 'epidemic' };

/** Every personal-data column of these tables with its tag. */
export const PERSONS_PERSONAL_DATA: Readonly<Record<keyof PersonsTables, Readonly<Record<string, PersonalDataTag>>>> = {
  persons: Object.fromEntries(
    ['name_enc', 'id_number_enc', 'id_number_hash', 'phone_enc', 'phone_hash', 'address_enc', 'sex', 'birth_year', 'category', 'onset_date', 'last_exposure_date', 'sample_date', 'report_date', 'arrival_date'].map((column) => [column, EPIDEMIC]),
  ),
  person_category_history: { category: EPIDEMIC, from_category: EPIDEMIC, reason: EPIDEMIC },
  person_measure_plans: { plan: EPIDEMIC },
  // Not personal in itself, but it unlocks the person's fields: it goes with them.
  person_keys: { key_enc: EPIDEMIC },
};
