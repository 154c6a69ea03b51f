import type { ChecklistTemplateCode, HazardGrade } from '@shoutu/domain';

export type InspectionKind = 'regulator' | 'self';
export type ItemResult = 'pass' | 'fail' | 'na';

export interface ChecklistTemplate {
  code: ChecklistTemplateCode;
  name: { 'zh-CN': string; en: string };
  source: string;
  failedItemGrade: HazardGrade;
  items: Array<{ number: number; text: { 'zh-CN': string; en: string }; source: string | null; verify: boolean }>;
}

export interface InspectionSummary {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  templateCode: ChecklistTemplateCode;
  kind: InspectionKind;
  inspectedAt: string;
  inspectorName: string | null;
  unitId: string | null;
  note: string | null;
  campaignId: string | null;
  itemCount: number;
  failedCount: number;
  createdAt: string;
}

export interface Inspection extends InspectionSummary {
  items: Array<{ number: number; text: string; result: ItemResult; note: string | null; hazardId: string | null }>;
}

export interface InspectionInput {
  enterpriseId: string;
  templateCode: ChecklistTemplateCode;
  kind: InspectionKind;
  inspectedAt: string;
  items: Array<{ number: number; result: ItemResult; note?: string | null }>;
  note?: string | null;
  campaignId?: string | null;
  createHazards?: boolean;
}

export interface InspectionFilter {
  enterpriseId?: string;
  kind?: InspectionKind;
}
