import type { AccountabilityStatus, AccountabilitySubjectKind, AccountabilityTriggerKind } from '@shoutu/domain';
import type { PersonalDataTagEntry } from '../../../privacy/personal-data-tags.js';

/**
 * An accountability record (问责记录): against a person or a unit, for what triggered it, with the
 * facts, the measure, who decided and when. Grounded by `region_code`, the place of the trigger
 * (the hazard's or accident's community) or, for another matter, the region named.
 */
export interface AccountabilityRecordTable {
  id: string;
  region_code: string;
  subject_kind: AccountabilitySubjectKind;
  /** A person's name (answered masked) or a unit's name. */
  subject_name: string;
  subject_post: string | null;
  subject_unit: string | null;
  trigger_kind: AccountabilityTriggerKind;
  trigger_id: string | null;
  /** What within the trigger: the regulator level of a late accident report. */
  trigger_part: string | null;
  /** kind:id[:part]; a candidate with a record under its key is not proposed again. */
  trigger_key: string | null;
  trigger_summary: string;
  /** JSON EvidencePack: the trigger's timeline as it stood when the record was made. */
  evidence: string;
  facts: string;
  measure: string | null;
  decided_by: string | null;
  decided_on: string | null;
  status: AccountabilityStatus;
  status_note: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AccountabilityTables {
  accountability_records: AccountabilityRecordTable;
}

export const ACCOUNTABILITY_GROUNDED_TABLES = {
  accountability_records: 'region_code',
} as const;

const RECORD: PersonalDataTagEntry = { purpose: 'work_safety_record', retention: 'with_safety_record' };

/** Personal-data columns of this module (SECURITY.md row 20), merged into the registry. */
export const ACCOUNTABILITY_PERSONAL_DATA: Readonly<Record<string, Readonly<Record<string, PersonalDataTagEntry>>>> = {
  accountability_records: { subject_name: RECORD, status_note: RECORD },
};
