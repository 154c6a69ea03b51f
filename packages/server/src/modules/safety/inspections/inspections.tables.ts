import type { ChecklistTemplateCode } from '@shoutu/domain';

export type InspectionKind = 'regulator' | 'self';
export type ItemResult = 'pass' | 'fail' | 'na';

/**
 * An inspection (检查) of one enterprise against a checklist template: by a regulator, or the
 * enterprise's self-inspection (自查). Grounded by `region_code`, copied from the enterprise.
 * Inspections are records of what was seen: written once, never edited.
 */
export interface InspectionTable {
  id: string;
  region_code: string;
  enterprise_id: string;
  template_code: ChecklistTemplateCode;
  kind: InspectionKind;
  inspected_at: string;
  inspector_id: string | null;
  inspector_name: string | null;
  /** The inspector's department, when they act for one. */
  unit_id: string | null;
  note: string | null;
  /** The special rectification campaign (专项整治) it was made for, if any. */
  campaign_id: string | null;
  item_count: number;
  failed_count: number;
  created_at: string;
}

/** One checklist item's result; the item's text is kept as it read on the day. */
export interface InspectionItemTable {
  inspection_id: string;
  number: number;
  region_code: string;
  item_text: string;
  result: ItemResult;
  note: string | null;
  /** The hazard a failed item became, once it has. */
  hazard_id: string | null;
}

export interface InspectionTables {
  inspections: InspectionTable;
  inspection_items: InspectionItemTable;
}

export const INSPECTION_GROUNDED_TABLES = {
  inspections: 'region_code',
  inspection_items: 'region_code',
} as const;
