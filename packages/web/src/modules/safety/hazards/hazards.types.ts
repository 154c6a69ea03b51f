import type { GovernancePlanPart, HazardActionType, HazardGrade, HazardSource, HazardStatus } from '@shoutu/domain';

export type { HazardActionType, HazardGrade, HazardSource, HazardStatus };

/** A hazard as the API answers it; the responsible person arrives masked. */
export interface Hazard {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  inspectionId: string | null;
  inspectionItemNumber: number | null;
  campaignId: string | null;
  grade: HazardGrade;
  source: HazardSource;
  description: string;
  place: string | null;
  photos: string[];
  status: HazardStatus;
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  deadline: string | null;
  originalDeadline: string | null;
  overdue: boolean;
  /** While awaiting acceptance: when the acceptor must have decided; flagged once passed. */
  acceptanceDueAt: string | null;
  acceptanceOverdue: boolean;
  pendingExtension: { requestedDeadline: string; reason: string; requestedAt: string } | null;
  governancePlan: Record<GovernancePlanPart, string> | null;
  rectification: { evidence: string; photos: string[]; submittedAt: string } | null;
  acceptance: { formal: boolean; assessmentReportRef: string | null; note: string | null; acceptedAt: string } | null;
  listing: {
    unitId: string;
    unitName: string | null;
    listedAt: string;
    publicationDueAt: string;
    extensionRequestLatestAt: string | null;
    delistingPublicationDueAt: string | null;
    limitsSource: string;
    limitsVerify: boolean;
  } | null;
  escalation: { level: 'county' | 'city'; at: string } | null;
  foundAt: string;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface HazardEvent {
  version: number;
  type: string;
  fromStatus: HazardStatus | null;
  toStatus: HazardStatus;
  actorName: string | null;
  actorKind: string;
  at: string;
  payload: Record<string, unknown>;
}

/** A photo uploaded to a hazard; `url` answers its bytes within the ground. */
export interface HazardPhoto {
  id: string;
  hazardId: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string;
  url: string;
}

export interface HazardDetail extends Hazard {
  events: HazardEvent[];
  allowedActions: HazardActionType[];
  canList: boolean;
  photoFiles: HazardPhoto[];
}

export interface HazardFilter {
  status?: HazardStatus;
  grade?: HazardGrade;
  overdue?: boolean;
  acceptanceOverdue?: boolean;
  enterpriseId?: string;
  regionCode?: string;
  campaignId?: string;
}

export interface HazardReport {
  enterpriseId: string;
  grade: HazardGrade;
  description: string;
  place?: string | null;
  photos?: string[];
}

/** The body of POST /hazards/:id/transitions: the action, the version read and that action's own fields. */
export interface HazardTransition {
  action: HazardActionType;
  version: number;
  responsibleUnit?: string;
  responsiblePerson?: string;
  deadline?: string;
  governancePlan?: Partial<Record<GovernancePlanPart, string>>;
  evidence?: string;
  photos?: string[];
  formal?: boolean;
  assessmentReportRef?: string;
  note?: string;
  reason?: string;
  newDeadline?: string;
}

export interface HazardCounts {
  open: number;
  overdue: number;
  major: number;
}

export interface HazardOverview {
  regionCode: string;
  total: HazardCounts;
  children: Array<HazardCounts & { regionCode: string; name: string }>;
}

/** 我的待办: each section's full count and its most urgent hazards. */
export interface HazardInboxSection {
  count: number;
  items: Hazard[];
}

export interface HazardInbox {
  actorKind: 'regulator' | 'enterprise_safety_officer' | 'other';
  toRectify: HazardInboxSection;
  toDecide: HazardInboxSection;
  toAccept: HazardInboxSection & { acceptanceOverdue: number };
  overdue: HazardInboxSection & { escalated: number };
}

/** The local time limits of hazard governance in force at a region (decision 0013). */
export interface HazardSettings {
  regionCode: string | null;
  cityEscalationAfterDays: number;
  acceptanceWait: { generalWorkingDays: number; majorWorkingDays: number };
  listing: {
    publishWithinWorkingDays: number;
    delistingPublishWithinWorkingDays: number;
    extensionRequestLeadWorkingDays: number;
    extensionDecisionWithinWorkingDays: number;
    source: string;
    verify: boolean;
  };
  updatedAt: string | null;
  version: number;
}

export type HazardSettingsInput = Omit<HazardSettings, 'regionCode' | 'updatedAt' | 'version'> & { regionCode: string; version: number };
