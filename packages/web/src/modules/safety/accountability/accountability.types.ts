import type { AccountabilityMeasureCode, AccountabilityStatus, AccountabilitySubjectKind, AccountabilityTriggerKind, ReportingLevel } from '@shoutu/domain';

export type Label = { 'zh-CN': string; en: string };

export interface EvidenceEvent {
  at: string;
  who: string | null;
  what: Label;
  detail: string | null;
  late: boolean;
}

export interface EvidencePack {
  title: string;
  link: string | null;
  events: EvidenceEvent[];
}

export interface Suggestion {
  subjectKind: AccountabilitySubjectKind;
  name: string;
  post: string | null;
  unit: string | null;
  basis: Label;
}

export type CandidateKind = 'overdue_major_hazard' | 'late_accident_report';

export interface Candidate {
  key: string;
  kind: CandidateKind;
  kindLabel: Label;
  triggerId: string;
  triggerPart: ReportingLevel | null;
  regionCode: string;
  title: string;
  dueAt: string;
  doneAt: string | null;
  lateMinutes: number;
  suggestions: Suggestion[];
  evidence: EvidencePack;
}

export interface CandidateList {
  now: string;
  overdueDays: number;
  lookbackDays: number;
  items: Candidate[];
}

export interface CandidateQuery {
  kind?: CandidateKind;
  overdueDays?: number;
}

export interface AccountabilityRecord {
  id: string;
  regionCode: string;
  subjectKind: AccountabilitySubjectKind;
  subjectName: string;
  subjectPost: string | null;
  subjectUnit: string | null;
  triggerKind: AccountabilityTriggerKind;
  triggerKindLabel: Label;
  triggerId: string | null;
  triggerPart: string | null;
  triggerSummary: string;
  facts: string;
  measure: AccountabilityMeasureCode | null;
  measureLabel: Label | null;
  decidedBy: string | null;
  decidedOn: string | null;
  status: AccountabilityStatus;
  statusLabel: Label;
  statusNote: string | null;
  nextStatuses: AccountabilityStatus[];
  isDemo: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface AccountabilityRecordDetail extends AccountabilityRecord {
  evidence: EvidencePack;
}

export interface RecordFilter {
  status?: AccountabilityStatus;
  triggerKind?: AccountabilityTriggerKind;
}

export interface Decision {
  status: AccountabilityStatus;
  measure?: AccountabilityMeasureCode | null;
  decidedBy?: string | null;
  decidedOn?: string | null;
  statusNote?: string | null;
}

export interface NewRecord extends Decision {
  triggerKind: AccountabilityTriggerKind;
  triggerId?: string;
  triggerPart?: ReportingLevel;
  regionCode?: string;
  subjectKind: AccountabilitySubjectKind;
  subjectName: string;
  subjectPost?: string | null;
  subjectUnit?: string | null;
  facts: string;
}
