import type { HazardGrade, HazardSource, HazardStatus } from '@shoutu/domain';
import type { Generated } from 'kysely';
import type { InboxQueue } from './hazard-inbox.queues.js';

/** How far up an overdue hazard has been escalated: the county-level region, then the city. */
export type EscalationLevel = 'county' | 'city';

/**
 * A hidden hazard (隐患) and the state the domain's machine gives it. Grounded by `region_code`,
 * the enterprise's community, copied on insert. Every change adds one to `version` and writes one
 * `hazard_events` row carrying the version it produced.
 */
export interface HazardTable {
  id: string;
  region_code: string;
  enterprise_id: string;
  inspection_id: string | null;
  inspection_item_number: number | null;
  /** The special rectification campaign (专项整治) it was found in: that of its inspection. */
  campaign_id: string | null;
  grade: HazardGrade;
  source: HazardSource;
  description: string;
  place: string | null;
  /** JSON array of photo URLs or file ids. */
  photos: string;
  status: HazardStatus;
  responsible_unit: string | null;
  responsible_person: string | null;
  deadline: string | null;
  original_deadline: string | null;
  /** JSON of the domain's PendingExtension, GovernancePlan, Rectification and Acceptance. */
  pending_extension: string | null;
  governance_plan: string | null;
  rectification: string | null;
  acceptance: string | null;
  /** 挂牌督办: the department that listed the major hazard, when, and the publication due dates. */
  listed_by_unit_id: string | null;
  listed_by_unit_name: string | null;
  listed_at: string | null;
  listing_publication_due_at: string | null;
  delisting_publication_due_at: string | null;
  escalation_level: EscalationLevel | null;
  escalated_at: string | null;
  /** While awaiting acceptance: when the acceptor must have decided (the settings in force at submission). */
  acceptance_due_at: string | null;
  /** Set by the scheduled job once that time has passed, while still awaiting acceptance. */
  acceptance_overdue_at: string | null;
  /** 1 once the overdue marking counted this open hazard as overdue in `hazard_counts`. */
  counted_overdue: Generated<number>;
  /** While open and not yet counted overdue: its deadline, so the marking finds it by one range. */
  open_deadline: string | null;
  found_at: string;
  found_by: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** The timeline: who did what, when, from which status to which, and the version it produced. */
export interface HazardEventTable {
  id: string;
  hazard_id: string;
  region_code: string;
  version: number;
  /** 'found', 'listed', 'escalated' or one of the domain's event types. */
  type: string;
  from_status: HazardStatus | null;
  to_status: HazardStatus;
  actor_id: string | null;
  actor_name: string | null;
  actor_kind: string;
  at: string;
  /** JSON: what the step carried (the domain's event, the listing, the escalation). */
  payload: string;
}

/**
 * The local time limits of hazard governance a city or province sets (domain `HazardSettings`),
 * grounded by that region; the nearest row at or above a hazard's region applies, the domain's
 * defaults without one.
 */
export interface HazardSettingsTable {
  region_code: string;
  city_escalation_after_days: number;
  acceptance_wait_general_working_days: number;
  acceptance_wait_major_working_days: number;
  listing_publish_within_working_days: number;
  listing_delisting_publish_within_working_days: number;
  listing_extension_request_lead_working_days: number;
  listing_extension_decision_within_working_days: number;
  listing_source: string;
  listing_verify: number;
  updated_at: string;
  updated_by: string | null;
  version: number;
}

/**
 * A photo uploaded to a hazard: its bytes live in the content store under `sha256`; the row holds
 * who uploaded it and when, and carries the hazard's region, so the ground decides who sees it.
 */
export interface HazardPhotoTable {
  id: string;
  hazard_id: string;
  region_code: string;
  sha256: string;
  mime: string;
  bytes: number;
  uploaded_by: string | null;
  uploaded_by_name: string | null;
  uploaded_at: string;
}

/** Open hazards per community, grade and whether they are counted overdue: the overview's source. */
export interface HazardCountsTable {
  region_code: string;
  grade: HazardGrade;
  overdue: number;
  n: number;
}

/** Hazards per community in each of the regulators' inbox queues (hazard-inbox.queues.ts): 我的待办's counts. */
export interface HazardInboxCountsTable {
  region_code: string;
  queue: InboxQueue;
  n: number;
}

export interface HazardTables {
  hazards: HazardTable;
  hazard_events: HazardEventTable;
  hazard_settings: HazardSettingsTable;
  hazard_photos: HazardPhotoTable;
  hazard_counts: HazardCountsTable;
  hazard_inbox_counts: HazardInboxCountsTable;
}

export const HAZARD_GROUNDED_TABLES = {
  hazards: 'region_code',
  hazard_events: 'region_code',
  hazard_settings: 'region_code',
  hazard_photos: 'region_code',
  hazard_counts: 'region_code',
  hazard_inbox_counts: 'region_code',
} as const;
