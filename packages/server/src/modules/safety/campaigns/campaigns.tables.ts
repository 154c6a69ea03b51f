import type { ChecklistTemplateCode } from '@shoutu/domain';

/**
 * A special rectification campaign (专项整治), organised by the level of government whose region
 * is `region_code` (the city for a city campaign). Grounded by that region: only someone whose
 * ground holds it may change the campaign. Reading reaches further: a campaign applies down its
 * region's tree, so the regions below read it too (decision 0014).
 */
export interface CampaignTable {
  id: string;
  region_code: string;
  title: string;
  description: string | null;
  /** The checklist its inspections use. */
  template_code: ChecklistTemplateCode;
  /** JSON arrays: GB/T 4754 prefixes, region codes inside `region_code`, enterprise ids (the domain's CampaignScope). */
  scope_industries: string;
  scope_regions: string;
  scope_enterprise_ids: string;
  /** China calendar days, both included, `YYYY-MM-DD`. */
  starts_on: string;
  ends_on: string;
  /** Whole percent; null: no target. */
  target_inspected_pct: number | null;
  target_closed_pct: number | null;
  /** The department that organises it, when its organiser acts for one. */
  unit_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CampaignTables {
  campaigns: CampaignTable;
}

export const CAMPAIGN_GROUNDED_TABLES = {
  campaigns: 'region_code',
} as const;
