import type { LocalizedText } from '../../../i18n/localized';

export type TravelDecision = 'allow' | 'deny' | 'alert';

export interface TravelReason {
  code: string;
  ruleId: string;
  ruleName: LocalizedText;
  ruleSource: string;
  verify: boolean;
  message: LocalizedText;
}

export interface TravelCheckResult {
  id: string;
  decision: TravelDecision;
  reasons: TravelReason[];
  destination: string;
  date: string;
  checkedAt: string;
}

export interface TravelCheckInput {
  idNumber: string;
  destination: string;
  date?: string;
  checkpointId?: string;
}

interface Counts {
  total: number;
  denied: number;
  alerted: number;
  allowed: number;
}

export interface Denials extends Counts {
  from: string;
  to: string;
  byDay: Array<Counts & { date: string }>;
}

/** One entry of the check log: who was checked is never sent. */
export interface TravelCheckEntry {
  id: string;
  regionCode: string;
  checkpointId: string | null;
  destination: string;
  travelDate: string;
  checkDay: string;
  decision: TravelDecision;
  reasons: Array<{ code: string; ruleId: string }>;
  checkedBy: string | null;
  /** Set when a gate device made the check with its token. */
  deviceTokenId: string | null;
  checkedAt: string;
}

export interface TravelCheckFilter {
  day?: string;
  decision?: TravelDecision;
}
