import { randomUUID } from 'node:crypto';
import type { Role } from '@shoutu/domain';
import { hashPassword } from '../modules/auth/passwords.js';
import { UsersRepository } from '../modules/users/users.repository.js';
import { DEMO_PASSWORD, type TestApp } from './harness.js';

/**
 * A test account written straight into `users` (not through the admin API, which suites about other
 * things need not exercise): enabled, password current, no TOTP, the demo password unless a hash is
 * given (a suite creating many accounts hashes once). Returns its id.
 */
export async function createTestAccount(
  t: TestApp,
  account: { username: string; roles: Role[]; ground: string; displayName?: string; departmentId?: string | null; enterpriseId?: string | null; passwordHash?: string },
): Promise<string> {
  const at = t.clock.now().toISOString();
  const id = randomUUID();
  await new UsersRepository(t.db.kysely).insert({
    id,
    username: account.username,
    display_name: account.displayName ?? `测试·${account.username}`,
    password_hash: account.passwordHash ?? (await hashPassword(DEMO_PASSWORD)),
    roles: JSON.stringify(account.roles),
    ground_region_codes: JSON.stringify([account.ground]),
    home_region_code: account.ground,
    department_id: account.departmentId ?? null,
    enterprise_id: account.enterpriseId ?? null,
    must_change_password: 0,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    password_changed_at: at,
    is_demo: 0,
    totp_secret_enc: null,
    totp_last_step: null,
    totp_enrolled_at: null,
    created_at: at,
    updated_at: at,
    version: 1,
  });
  return id;
}
