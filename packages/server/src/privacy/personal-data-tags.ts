import { EPIDEMIC_RETENTION_DEFAULT_DAYS } from '@shoutu/domain';
import { CHECKPOINTS_PERSONAL_DATA } from '../modules/epidemic/checkpoints/checkpoints.tables.js';
import { FOLLOWUPS_PERSONAL_DATA } from '../modules/epidemic/followups/followups.tables.js';
import { PERSONS_PERSONAL_DATA } from '../modules/epidemic/persons/persons.tables.js';
import { TRACING_PERSONAL_DATA } from '../modules/epidemic/tracing/tracing.tables.js';
import { TRAVEL_PERSONAL_DATA } from '../modules/epidemic/travel/travel.tables.js';
import { ENTERPRISE_PERSONAL_DATA } from '../modules/safety/enterprises/enterprises.tables.js';
import { RESPONSIBILITY_PERSONAL_DATA } from '../modules/safety/responsibility/responsibility.tables.js';
import { ACCOUNTABILITY_PERSONAL_DATA } from '../modules/safety/accountability/accountability.tables.js';
import { TRAINING_PERSONAL_DATA } from '../modules/safety/training/training.tables.js';
import { EXPORTS_PERSONAL_DATA } from '../modules/exports/exports.tables.js';

/**
 * The registry of personal-data columns (PIPL art. 6, 19, 28; SECURITY.md row 20): every column
 * that holds personal data names why it is kept and when it goes. The schema lint
 * (`db/personal-data-lint.test.ts`) fails on a column whose name suggests personal data and that is
 * neither tagged here nor listed in `NOT_PERSONAL_DATA` with a reason.
 */
export type PersonalDataPurpose =
  /** Epidemic prevention and control (疫情防控). */
  | 'epidemic_control'
  /** Reaching the persons responsible for an enterprise's safety. */
  | 'work_safety_contact'
  /** Who did what in a work-safety record (inspection, hazard, risk assessment, accident report). */
  | 'work_safety_record'
  /** Running an official's account and signing them in. */
  | 'account'
  /** The audit trail (GB/T 22239 8.1.4.3). */
  | 'audit';

export type PersonalDataRetention =
  /** Destroyed with the epidemic's data after its end date plus the retention period (row 19). */
  | 'epidemic'
  /** While the enterprise is registered; replaced when it reports new persons. */
  | 'while_registered'
  /** Kept with the work-safety record it belongs to, under the archival rules for such records. */
  | 'with_safety_record'
  /** While the leader holds the post; replaced or removed when the post changes hands. */
  | 'while_in_post'
  /** While the account exists. */
  | 'account_lifetime'
  /** Until the session ends (logout, idle or absolute limit). */
  | 'session'
  /** At least 180 days (Cybersecurity Law art. 21), purged only by whole prefixes. */
  | 'audit_trail';

export interface PersonalDataTagEntry {
  purpose: PersonalDataPurpose;
  retention: PersonalDataRetention;
}

/**
 * The retention kinds that are a fixed period, with the default (days) and what starts it. The
 * epidemic one is destroyed by the retention job (`shoutu retention run`, decision 0020) over every
 * table tagged `epidemic`; SHOUTU_EPIDEMIC_RETENTION_DAYS changes the period.
 */
export const RETENTION_PERIODS = {
  epidemic: { days: EPIDEMIC_RETENTION_DEFAULT_DAYS, from: "the person's release; for everything, the epidemic's end date (SHOUTU_EPIDEMIC_END_DATE)" },
} as const satisfies Partial<Record<PersonalDataRetention, { days: number; from: string }>>;

type Registry = Readonly<Record<string, Readonly<Record<string, PersonalDataTagEntry>>>>;

const SAFETY_RECORD: PersonalDataTagEntry = { purpose: 'work_safety_record', retention: 'with_safety_record' };
const ACCOUNT: PersonalDataTagEntry = { purpose: 'account', retention: 'account_lifetime' };
const AUDIT: PersonalDataTagEntry = { purpose: 'audit', retention: 'audit_trail' };

/** Personal columns of tables whose module does not export its own tags. */
const OTHER_PERSONAL_DATA: Registry = {
  users: { username: ACCOUNT, display_name: ACCOUNT, password_hash: ACCOUNT, totp_secret_enc: ACCOUNT },
  sessions: { ip: { purpose: 'account', retention: 'session' } },
  audit_log: { actor_username: AUDIT, ip: AUDIT },
  accidents: { reporter: SAFETY_RECORD },
  hazards: { responsible_person: SAFETY_RECORD },
  hazard_events: { actor_name: SAFETY_RECORD },
  hazard_photos: { uploaded_by_name: SAFETY_RECORD },
  inspections: { inspector_name: SAFETY_RECORD, note: SAFETY_RECORD },
  inspection_items: { note: SAFETY_RECORD },
  risk_points: { responsible_person: SAFETY_RECORD },
  risk_assessments: { note: SAFETY_RECORD, assessed_by_name: SAFETY_RECORD },
};

function merge(...registries: Registry[]): Registry {
  const merged: Record<string, Record<string, PersonalDataTagEntry>> = {};
  for (const registry of registries) {
    for (const [table, columns] of Object.entries(registry)) {
      for (const [column, tag] of Object.entries(columns)) {
        const into = (merged[table] ??= {});
        if (into[column]) throw new Error(`personal-data tag for ${table}.${column} defined twice`);
        into[column] = { purpose: tag.purpose, retention: tag.retention };
      }
    }
  }
  return merged;
}

/** Every personal-data column of the database, by table, with its purpose and retention. */
export const PERSONAL_DATA_TAGS: Registry = merge(
  PERSONS_PERSONAL_DATA,
  TRACING_PERSONAL_DATA,
  CHECKPOINTS_PERSONAL_DATA,
  FOLLOWUPS_PERSONAL_DATA,
  TRAVEL_PERSONAL_DATA,
  ENTERPRISE_PERSONAL_DATA,
  RESPONSIBILITY_PERSONAL_DATA,
  ACCOUNTABILITY_PERSONAL_DATA,
  TRAINING_PERSONAL_DATA,
  EXPORTS_PERSONAL_DATA,
  OTHER_PERSONAL_DATA,
);

/** Columns whose names look personal but hold no personal data, each with the reason. */
export const NOT_PERSONAL_DATA: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  regions: { name: 'name of an administrative division' },
  units: { name: 'name of a department or functional zone' },
  checkpoints: { name: 'name of an airport, station, port or highway exit' },
  checkpoint_tokens: { name: 'label of a gate device, e.g. 进站口 3 号闸机', token_hash: 'SHA-256 of a random device token' },
  named_places: { name: 'name of a building, market or other place designated a risk area' },
  enterprises: { name: 'company names are not personal data', industry_name: 'name of a GB/T 4754 industry class' },
  accidents: { enterprise_name: 'company name as reported with the accident' },
  hazards: { listed_by_unit_name: 'name of the department that listed the hazard' },
  duty_templates: { name: 'title of a duty-list template' },
  duty_lists: { unit_name: 'name of a party committee, government, department or enterprise' },
  responsibility_letters: { unit_name: 'name of a party committee, government, department or enterprise' },
  audit_log: { prev_hash: 'hash chain link over audit rows, derived from no single identifier' },
  sessions: { token_hash: 'hash of a random session token' },
  idempotency_keys: { request_hash: 'hash of method, URL and body to detect a reused key; not reversible to a person' },
};

/** The tables with columns of a retention kind, e.g. every table the epidemic retention must destroy from. */
export function tablesRetained(retention: PersonalDataRetention): string[] {
  return Object.entries(PERSONAL_DATA_TAGS)
    .filter(([, columns]) => Object.values(columns).some((tag) => tag.retention === retention))
    .map(([table]) => table)
    .sort();
}

/** A column name that suggests personal data. */
export function looksPersonal(column: string): boolean {
  return (
    /(^|_)(name|username|phone|mobile|id_number|address|contact|temperature|symptom|health|note|origin)(_|$)/.test(column) ||
    /(^|_)(person|reporter|ip)$/.test(column) ||
    /_(enc|hash)$/.test(column)
  );
}
