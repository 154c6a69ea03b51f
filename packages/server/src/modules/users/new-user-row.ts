import { randomUUID } from 'node:crypto';
import { commonRegion, type Role } from '@shoutu/domain';
import type { Selectable } from 'kysely';
import type { UserTable } from '../../db/schema.js';

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  regionCodes: string[];
  departmentId?: string | null;
  enterpriseId?: string | null;
  mustChangePassword: boolean;
  isDemo?: boolean;
  /** ISO time of creation, also when the password was set. */
  at: string;
}

/**
 * The row of a new account, wherever it is made (admin API, CLI, demo seed, tests): enabled, no
 * failed logins, no TOTP yet, home region the smallest one holding its ground, version 1.
 */
export function newUserRow(user: NewUser): Selectable<UserTable> {
  return {
    id: randomUUID(),
    username: user.username,
    display_name: user.displayName,
    password_hash: user.passwordHash,
    roles: JSON.stringify(user.roles),
    ground_region_codes: JSON.stringify(user.regionCodes),
    home_region_code: commonRegion(user.regionCodes)!,
    department_id: user.departmentId ?? null,
    enterprise_id: user.enterpriseId ?? null,
    must_change_password: user.mustChangePassword ? 1 : 0,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    password_changed_at: user.at,
    is_demo: user.isDemo ? 1 : 0,
    totp_secret_enc: null,
    totp_last_step: null,
    totp_enrolled_at: null,
    created_at: user.at,
    updated_at: user.at,
    version: 1,
  };
}
