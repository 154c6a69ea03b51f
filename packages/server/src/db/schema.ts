import type { Generated } from 'kysely';
import type { EpidemicTables } from '../modules/epidemic/epidemic.tables.js';
import type { SafetyTables } from '../modules/safety/safety.tables.js';
import type { ExportTables } from '../modules/exports/exports.tables.js';

/**
 * Table types shared by both engines. Timestamps are ISO-8601 UTC text and booleans are 0/1
 * integers on both SQLite and PostgreSQL, so that one query layer reads the same values from
 * each (docs/decisions/0003-one-schema-two-engines.md).
 */
export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'town' | 'community' | 'zone';
  parent_code: string | null;
  child_count: number;
}

export interface UnitTable {
  id: string;
  name: string;
  kind: 'department' | 'zone';
  /** The region the unit belongs to; ground scoping applies to it. */
  region_code: string;
  /** JSON array of industry / matter codes the unit supervises. */
  matters: string;
  /** JSON array of region codes a functional zone covers. */
  member_region_codes: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string;
  ground_region_codes: string;
  /** The smallest region holding the whole ground: accounts are grounded by it. */
  home_region_code: string;
  department_id: string | null;
  enterprise_id: string | null;
  must_change_password: number;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  is_demo: number;
  /** TOTP secret, encrypted as 'users.totp_secret'; set by setup, in force once totp_enrolled_at is set. */
  totp_secret_enc: string | null;
  /** The last time step whose code was accepted: a code works once. */
  totp_last_step: number | null;
  totp_enrolled_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  /** 1 while an admin who must use TOTP has not enrolled: the session reaches only the enrolment routes. */
  second_factor_pending: number;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_username: string | null;
  ip: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'failure';
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** Where the audit chain starts after a purge: the seq and hash of the last row removed (one row). */
export interface AuditAnchorTable {
  id: number;
  seq: number;
  hash: string;
  at: string;
  purged_at: string;
}

export interface IdempotencyKeyTable {
  actor_key: string;
  idempotency_key: string;
  request_hash: string;
  state: 'pending' | 'done';
  status_code: number | null;
  response_body: string | null;
  created_at: string;
}

export interface Database extends SafetyTables, EpidemicTables, ExportTables {
  regions: RegionTable;
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_anchor: AuditAnchorTable;
  idempotency_keys: IdempotencyKeyTable;
}
