import type { Role } from '@shoutu/domain';
import type { Db } from '../../db/database.js';
import { AuditService } from '../audit/audit.service.js';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { SessionsRepository } from '../auth/sessions.repository.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { newUserRow } from './new-user-row.js';
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
  const row = newUserRow({ username: input.username, displayName: input.displayName, passwordHash: await hashPassword(input.password), roles: input.roles, regionCodes: input.regionCodes, mustChangePassword: true, at: now });
  const audit = new AuditService(db.dialect);
  await db.kysely.transaction().execute(async (trx) => {
    await new UsersRepository(trx).insert(row);
    await audit.record(trx, { actor: null, ip: null, now: () => new Date(now) }, { action: 'user.create', actorUsername: 'cli', objectType: 'user', objectId: row.id, detail: { username: input.username, roles: input.roles } });
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
