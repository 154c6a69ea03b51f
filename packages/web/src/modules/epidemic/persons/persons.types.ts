import type { LocalizedText } from '../../../i18n/localized';

export type PersonStatus = 'managed' | 'released';

export interface MeasureStep {
  measure: string;
  from: string;
  /** Inclusive last day; null while it lasts until release. */
  to: string | null;
}

export interface MeasureTest {
  day: number;
  date: string;
  setting: string;
}

/** Computed by the server from the policy edition in force on the start date; never typed. */
export interface MeasurePlan {
  id: string;
  edition: string;
  editionName: LocalizedText;
  editionSource: string;
  category: string;
  measure: string;
  /** Where today falls: before day 0, within the plan, or past its end (release due). */
  phase: 'upcoming' | 'active' | 'ended';
  startField: string;
  from: string;
  to: string | null;
  endDate: string | null;
  steps: MeasureStep[];
  tests: MeasureTest[];
  release: { negativeTests: number; hoursApart: number; fromDay?: number } | null;
  verify: boolean;
  computedAt: string;
  supersededAt: string | null;
}

export interface PersonDates {
  onsetDate: string | null;
  lastExposureDate: string | null;
  sampleDate: string | null;
  reportDate: string | null;
  arrivalDate: string | null;
}

/** A person as lists and the detail page show them: name, ID number, phone and address masked. */
export interface Person extends PersonDates {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  address: string | null;
  sex: 'male' | 'female';
  birthYear: number;
  gridCode: string;
  gridWorkerId: string | null;
  category: string;
  status: PersonStatus;
  isDemo: boolean;
  measurePlan: MeasurePlan | null;
  planProblem: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CategoryChange {
  category: string;
  fromCategory: string | null;
  changedBy: string | null;
  reason: string | null;
  at: string;
}

export interface PersonDetail extends Person {
  categoryHistory: CategoryChange[];
  previousPlans: MeasurePlan[];
}

export interface PersonRegistration extends Partial<PersonDates> {
  name: string;
  idNumber: string;
  phone: string;
  gridCode: string;
  category: string;
  address?: string | null;
}

export interface PersonPatch extends Partial<PersonDates> {
  version: number;
  category?: string;
  categoryReason?: string;
}

export interface PersonFilter {
  category?: string;
  status?: PersonStatus;
  regionCode?: string;
  /** Registered on this day in China (YYYY-MM-DD). */
  registeredOn?: string;
  /** Exact ID number or mobile; sent in a POST body, never in the URL. */
  q?: string;
}

/** The full identifiers, returned once for a stated reason. */
export interface UnmaskedPerson {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  address: string | null;
}

export const DATE_FIELDS = ['lastExposureDate', 'arrivalDate', 'sampleDate', 'onsetDate', 'reportDate'] as const;

export type ImportMode = 'all_or_nothing' | 'valid_rows_only';

export interface ImportRowError {
  row: number;
  field: string;
  code: string;
  message: LocalizedText;
}

/** What an import did; a file refused as a whole (400 import_rejected) is shown the same way, with nothing imported. */
export interface ImportOutcome {
  mode: ImportMode;
  imported: number;
  rejected: number;
  errors: ImportRowError[];
  truncated: boolean;
}
