import type { ChecklistTemplateCode } from '@shoutu/domain';

export type CampaignPhase = 'planned' | 'active' | 'ended';

export interface CampaignTargets {
  inspectedPct: number | null;
  closedPct: number | null;
}

/** A special rectification campaign (专项整治) as the API answers it. */
export interface Campaign {
  id: string;
  title: string;
  description: string | null;
  organizerRegionCode: string;
  organizerRegionName: string | null;
  templateCode: ChecklistTemplateCode;
  scope: { industries: string[]; regions: string[]; enterprises: Array<{ id: string; name: string | null }> };
  startsOn: string;
  endsOn: string;
  phase: CampaignPhase;
  targets: CampaignTargets;
  unitId: string | null;
  editable: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CampaignInput {
  title: string;
  description?: string | null;
  regionCode?: string;
  templateCode: ChecklistTemplateCode;
  scope: { industries: string[]; regions: string[]; enterpriseIds: string[] };
  startsOn: string;
  endsOn: string;
  targets: CampaignTargets;
}

export type CampaignPatch = Partial<Omit<CampaignInput, 'regionCode'>> & { version: number };

export interface ProgressFigures {
  inScope: number;
  inspected: number;
  selfInspected: number;
  hazardsFound: number;
  hazardsClosed: number;
  hazardsOverdue: number;
  inspectedPct: number | null;
  closedPct: number | null;
  inspectedMet: boolean | null;
  closedMet: boolean | null;
}

export interface CampaignProgress {
  campaignId: string;
  regionCode: string;
  total: ProgressFigures;
  rows: Array<ProgressFigures & { regionCode: string; name: string }>;
}

export interface ScopedEnterprise {
  id: string;
  name: string;
  regionCode: string;
  industryCode: string;
  industryName: string;
  lastInspectedAt: string | null;
  hazardsFound: number;
  hazardsOpen: number;
}

export interface CampaignFilter {
  phase?: CampaignPhase;
}
