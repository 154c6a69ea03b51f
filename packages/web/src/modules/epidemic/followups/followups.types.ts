/** What the epidemic operations show of a person: the name masked, no identifiers. */
export interface PersonBrief {
  id: string;
  name: string | null;
  category: string;
  status: string;
  gridCode: string;
  isDemo: boolean;
  version: number;
}

export type Escalation = 'community' | 'town' | 'district';

export interface FollowupsToday {
  date: string;
  due: Array<{ person: PersonBrief; measure: string; planDay: number; endDate: string | null; testDueToday: boolean; followedUp: boolean }>;
  releaseDue: Array<{ person: PersonBrief; endDate: string | null; canRelease: boolean; reasons: string[] }>;
  missedYesterday: Array<{ person: PersonBrief; measure: string; consecutiveDays: number; escalatedTo: Escalation }>;
}

export const SYMPTOMS = ['fever', 'cough', 'sore_throat', 'fatigue', 'loss_of_smell_taste', 'shortness_of_breath', 'diarrhea', 'other'] as const;
export type TestResult = 'negative' | 'positive' | 'pending';

export interface FollowupInput {
  date: string;
  temperature?: number | null;
  symptoms: string[];
  testTaken: boolean;
  testResult?: TestResult | null;
  note?: string | null;
}

export interface Followup extends FollowupInput {
  id: string;
  personId: string;
  createdAt: string;
}

interface MissedCounts {
  due: number;
  missed: number;
  community: number;
  town: number;
  district: number;
}

export interface MissedFollowups extends MissedCounts {
  regionCode: string;
  date: string;
  children: Array<MissedCounts & { regionCode: string; name: string }>;
}

export interface GridAlert {
  id: string;
  kind: 'key_area_arrival' | 'listed_arrival' | 'positive_test';
  gridCode: string;
  person: PersonBrief | null;
  detail: Record<string, unknown>;
  status: 'open' | 'acknowledged';
  createdAt: string;
  acknowledgedAt: string | null;
}
