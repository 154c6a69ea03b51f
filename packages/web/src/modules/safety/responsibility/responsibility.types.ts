import type { LetterStatus, RegionLeaderPost, ResponsibilityPrinciple, ResponsibilityUnitKind } from '@shoutu/domain';

export type Label = { 'zh-CN': string; en: string };

export interface DutyItem {
  text: string;
  basis: string | null;
}

export interface DutyTemplate {
  id: string;
  name: string;
  post: string;
  principle: ResponsibilityPrinciple;
  principleLabel: Label;
  unitKinds: ResponsibilityUnitKind[];
  items: Array<DutyItem & { verify: boolean }>;
  source: string | null;
  shipped: boolean;
  edited: boolean;
  updatedAt: string | null;
  version: number;
}

export interface DutyList {
  id: string;
  regionCode: string;
  unitKind: ResponsibilityUnitKind;
  unitId: string | null;
  unitName: string;
  post: string;
  principle: ResponsibilityPrinciple;
  principleLabel: Label;
  templateId: string | null;
  items: DutyItem[];
  isDemo: boolean;
  updatedBy: string | null;
  updatedAt: string;
  version: number;
}

export interface DutyListFilter {
  regionCode?: string;
  unitKind?: ResponsibilityUnitKind;
  principle?: ResponsibilityPrinciple;
}

/** A unit named by id (department, enterprise) or by name and region (the others). */
export interface UnitInput {
  unitKind: ResponsibilityUnitKind;
  unitId?: string | null;
  unitName?: string | null;
  regionCode?: string | null;
}

export interface Letter {
  id: string;
  regionCode: string;
  year: number;
  unitKind: ResponsibilityUnitKind;
  unitId: string | null;
  unitName: string;
  issuer: string;
  title: string;
  status: LetterStatus;
  statusLabel: Label;
  signedOn: string | null;
  signerName: string | null;
  returnedReason: string | null;
  statusChangedAt: string | null;
  isDemo: boolean;
  version: number;
}

export interface LetterFilter {
  year: number;
  status?: LetterStatus | 'unsigned';
  regionCode?: string;
}

export interface LetterSummary {
  year: number;
  total: number;
  signed: number;
  pending: number;
  returned: number;
  signedRate: number | null;
}

export type LetterChange = { status: 'signed'; signedOn: string; signer: string } | { status: 'returned'; reason: string } | { status: 'pending' };

export interface RegionLeader {
  id: string;
  regionCode: string;
  regionName: string | null;
  postKind: RegionLeaderPost;
  postKindLabel: Label;
  postTitle: string;
  name: string;
  phone: string | null;
  templateId: string;
  sortOrder: number;
  isDemo: boolean;
  version: number;
}

export interface LeaderInput {
  regionCode: string;
  postKind: RegionLeaderPost;
  postTitle: string;
  name: string;
  phone?: string | null;
  sortOrder?: number;
}

export interface ResponsibilityChain {
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  year: number;
  supervisors: Array<{ id: string; name: string; jurisdictionCode: string }>;
  regions: Array<{
    regionCode: string;
    name: string | null;
    level: string;
    leaders: Array<{ id: string; postKind: RegionLeaderPost; postKindLabel: Label; postTitle: string; name: string; phone: string | null; templateId: string }>;
  }>;
  enterprise: { principalName: string | null; principalPhone: string | null; safetyOfficerName: string | null; safetyOfficerPhone: string | null };
  letter: { id: string; status: LetterStatus; statusLabel: Label; signedOn: string | null; issuer: string } | null;
  dutyLists: Array<{ id: string; post: string }>;
}
