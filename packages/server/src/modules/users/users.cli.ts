import { randomUUID } from 'node:crypto';
import { commonRegion, type Role } from '@shoutu/domain';
import type { Db } from '../../db/database.js';
import { AuditService } from '../audit/audit.service.js';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { SessionsRepository } from '../auth/sessions.repository.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { UsersRepository } from './users.repository.js';
import { AppError } from '../../http/errors.js';

/** `shoutu user create`: the only way to the first account of a non-demo install (SECURITY.md row 1). */
export async function createUserFromCli(db: Db, input: { username: string; displayName: string; roles: Role[]; regionCodes: string[]; password: string }): Promise<void> {
  try {
    assertPasswordPolicy(input.password, input.username);
  } catch (error) {
    if (error instanceof AppError) throw new Error(`Password refused: ${error.errors.map((e) => e.message.en).join('; ')}`);
    throw error;
  }
  const users = new UsersRepository(db.kysely);
  if (await users.findByUsername(input.username)) throw new Error(`User ${input.username} already exists`);
  const found = await new RegionsRepository(db.kysely).byCodes(input.regionCodes);
  if (found.length !== input.regionCodes.length) throw new Error('Unknown region code; run `shoutu regions import --city <code>` first');
  const now = new Date().toISOString();
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const audit = new AuditService(db.dialect);
  await db.kysely.transaction().execute(async (trx) => {
    await new UsersRepository(trx).insert({
      id, username: input.username, display_name: input.displayName, password_hash: passwordHash,
      roles: JSON.stringify(input.roles), ground_region_codes: JSON.stringify(input.regionCodes), home_region_code: commonRegion(input.regionCodes)!,
      department_id: null, enterprise_id: null, must_change_password: 1, disabled: 0, failed_logins: 0,
      locked_until: null, password_changed_at: now, is_demo: 0, created_at: now, updated_at: now, version: 1,
    });
    await audit.record(trx, { actor: null, ip: null, now: () => new Date(now) }, { action: 'user.create', actorUsername: 'cli', objectType: 'user', objectId: id, detail: { username: input.username, roles: input.roles } });
  });
}

/** `shoutu user reset-totp`: the way back for an admin when no other security admin can reset it. */
export async function resetTotpFromCli(db: Db, username: string): Promise<void> {
  const user = await new UsersRepository(db.kysely).findByUsername(username);
  if (!user) throw new Error(`No user ${username}`);
  const now = new Date().toISOString();
  const audit = new AuditService(db.dialect);
  await db.kysely.transaction().execute(async (trx) => {
    await new UsersRepository(trx).update(user.id, { totp_secret_enc: null, totp_last_step: null, totp_enrolled_at: null, updated_at: now, version: user.version + 1 });
    await new SessionsRepository(trx).deleteForUser(user.id);
    await audit.record(trx, { actor: null, ip: null, now: () => new Date(now) }, { action: 'user.totp_reset', actorUsername: 'cli', objectType: 'user', objectId: user.id, detail: { username, wasEnrolled: user.totp_enrolled_at !== null } });
  });
}
