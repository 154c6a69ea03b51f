import type { AccidentContext, AccidentGrade, DoubleDecreaseStatus, ReportingLevel, ReportingStatus } from '@shoutu/domain';
import type { LocalizedText } from '../../../i18n/localized';

export interface Figures {
  deaths: number;
  seriousInjuries: number;
  missing: number;
  directLossYuan: number;
  grade: AccidentGrade;
  gradeLabel: LocalizedText;
}

/** An accident as the list answers it: figures as now corrected, and as first reported. */
export interface Accident extends Figures {
  id: string;
  regionCode: string;
  regionName: string | null;
  occurredAt: string;
  learnedAt: string;
  type: string;
  typeLabel: LocalizedText;
  context: AccidentContext;
  enterpriseId: string | null;
  enterpriseName: string | null;
  industryCode: string | null;
  summary: string | null;
  reporter: string | null;
  firstReported: Figures & { recordedAt: string };
  revisionCount: number;
  supplementaryWindowEndsAt: string;
  isDemo: boolean;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  version: number;
}

export interface LevelDeadline {
  level: ReportingLevel;
  owedBy: 'unit' | ReportingLevel;
  dueAt: string;
  reportedAt: string | null;
  status: ReportingStatus;
}

export interface Revision extends Figures {
  seq: number;
  reason: string | null;
  recordedAt: string;
  recordedBy: string | null;
}

export interface AccidentDetail extends Accident {
  now: string;
  reporting: {
    chain: ReportingLevel[];
    levels: LevelDeadline[];
    owed: LevelDeadline[];
    beyondChain: { level: ReportingLevel; reportedAt: string }[];
  };
  supplementaryWindowOpen: boolean;
  revisions: Revision[];
  investigation: {
    dueAt: string;
    extensionDays: number;
    extensions: { days: number; approvedBy: string; reason: string; recordedAt: string; recordedBy: string | null }[];
    submittedAt: string | null;
    status: ReportingStatus;
  };
  reply: { dueAt: string | null; repliedAt: string | null; status: ReportingStatus | 'awaiting_report' };
}

export interface AccidentReport {
  occurredAt: string;
  learnedAt?: string;
  regionCode: string;
  type: string;
  context?: AccidentContext;
  enterpriseId?: string | null;
  industryCode?: string | null;
  deaths: number;
  seriousInjuries: number;
  missing?: number;
  directLossYuan: number;
  summary?: string | null;
  reporter?: string | null;
}

export interface AccidentRevisionInput {
  version: number;
  deaths: number;
  seriousInjuries: number;
  missing: number;
  directLossYuan: number;
  reason: string;
}

export interface AccidentFilter {
  from?: string;
  to?: string;
  grade?: AccidentGrade;
  regionCode?: string;
  type?: string;
}

export interface Obligation {
  accidentId: string;
  regionCode: string;
  occurredAt: string;
  grade: AccidentGrade;
  gradeLabel: LocalizedText;
  type: string;
  typeLabel: LocalizedText;
  enterpriseName: string | null;
  kind: 'report' | 'escalation' | 'investigation' | 'reply';
  level: ReportingLevel | null;
  owedBy: 'unit' | 'investigation_team' | 'government' | ReportingLevel;
  dueAt: string;
  status: 'overdue' | 'due_soon';
  escalate: boolean;
}

export interface ObligationList {
  now: string;
  counts: { overdue: number; dueSoon: number };
  items: Obligation[];
}

export interface Tally {
  accidents: number;
  deaths: number;
}

export interface Change {
  delta: number;
  ratio: number | null;
}

export interface AccidentTarget {
  id: string;
  regionCode: string;
  year: number;
  industryCode: string | null;
  maxAccidents: number;
  maxDeaths: number;
  updatedBy: string | null;
  updatedAt: string;
  version: number;
}

export interface Comparison {
  current: Tally;
  previous: Tally;
  change: { accidents: Change; deaths: Change };
  status: DoubleDecreaseStatus;
  statusLabel: LocalizedText;
  target: (AccidentTarget & { accidentsExceeded: boolean; deathsExceeded: boolean }) | null;
}

export interface DoubleDecreaseReport extends Comparison {
  regionCode: string;
  regionName: string | null;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  asOf: string | null;
  industryCode: string | null;
  targetYear: number;
  monthly: { month: string; previousMonth: string; current: Tally; previous: Tally }[];
  ranking: (Comparison & { rank: number; regionCode: string; regionName: string })[];
}

export interface DoubleDecreaseQuery {
  from?: string;
  to?: string;
  regionCode?: string;
  asOf?: string;
}
