import type { Role } from '@shoutu/domain';
import { hashPassword } from '../modules/auth/passwords.js';
import { newUserRow } from '../modules/users/new-user-row.js';
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
  const row = newUserRow({
    username: account.username,
    displayName: account.displayName ?? `测试·${account.username}`,
    passwordHash: account.passwordHash ?? (await hashPassword(DEMO_PASSWORD)),
    roles: account.roles,
    regionCodes: [account.ground],
    departmentId: account.departmentId ?? null,
    enterpriseId: account.enterpriseId ?? null,
    mustChangePassword: false,
    at: t.clock.now().toISOString(),
  });
  await new UsersRepository(t.db.kysely).insert(row);
  return row.id;
}
