import type { LetterStatus, ResponsibilityPrinciple, ResponsibilityUnitKind } from '@shoutu/domain';
import type { PersonalDataTagEntry } from '../../../privacy/personal-data-tags.js';

/**
 * A duty-list template (责任清单模板) as edited by the city. Not grounded: templates are the
 * installation's reference data, like the industry mapping. The shipped ones live in the domain
 * (SHIPPED_DUTY_TEMPLATES) and get a row only once someone edits them; the row then replaces the
 * shipped text under the same id.
 */
export interface DutyTemplateTable {
  id: string;
  name: string;
  post: string;
  principle: ResponsibilityPrinciple;
  /** JSON array of the unit kinds the post exists in. */
  unit_kinds: string;
  /** JSON array of DutyListItem. */
  items: string;
  source: string | null;
  /** 1 when the row is an edited shipped template (its id is the shipped code). */
  shipped: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** The duties of one post in one unit (责任清单), copied from a template and edited since. Grounded by the unit's region. */
export interface DutyListTable {
  id: string;
  region_code: string;
  unit_kind: ResponsibilityUnitKind;
  /** The department's or enterprise's id; null for a party committee, a government or another unit named in full. */
  unit_id: string | null;
  unit_name: string;
  post: string;
  principle: ResponsibilityPrinciple;
  template_id: string | null;
  /** JSON array of DutyListItem. */
  items: string;
  is_demo: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One unit's responsibility letter (安全生产责任书) of one year and whether it is signed. Grounded by the unit's region. */
export interface ResponsibilityLetterTable {
  id: string;
  region_code: string;
  year: number;
  unit_kind: ResponsibilityUnitKind;
  unit_id: string | null;
  unit_name: string;
  /** Who issues the letter (甲方), e.g. 连云港市人民政府. */
  issuer: string;
  title: string;
  status: LetterStatus;
  signed_on: string | null;
  /** The person who signed for the unit: shown masked. */
  signer_name: string | null;
  returned_reason: string | null;
  status_changed_at: string | null;
  is_demo: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A leader of a region and the post held (区长, 分管安全生产副区长 …). The phone is encrypted. Grounded by the region led. */
export interface RegionLeaderTable {
  id: string;
  region_code: string;
  post_kind: string;
  post_title: string;
  /** Leaders' names are public; still personal data, tagged below. */
  leader_name: string;
  /** AES-GCM under 'region_leaders.phone'; only ever answered masked. */
  phone: string | null;
  sort_order: number;
  is_demo: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ResponsibilityTables {
  duty_templates: DutyTemplateTable;
  duty_lists: DutyListTable;
  responsibility_letters: ResponsibilityLetterTable;
  region_leaders: RegionLeaderTable;
}

export const RESPONSIBILITY_GROUNDED_TABLES = {
  duty_lists: 'region_code',
  responsibility_letters: 'region_code',
  region_leaders: 'region_code',
} as const;

const LEADER: PersonalDataTagEntry = { purpose: 'work_safety_contact', retention: 'while_in_post' };

/** Personal-data columns of this module (SECURITY.md row 20), merged into the registry. */
export const RESPONSIBILITY_PERSONAL_DATA: Readonly<Record<string, Readonly<Record<string, PersonalDataTagEntry>>>> = {
  region_leaders: { leader_name: LEADER, phone: LEADER },
  responsibility_letters: { signer_name: { purpose: 'work_safety_record', retention: 'with_safety_record' } },
};
