import { createHash, randomBytes } from 'node:crypto';
import { isRole, permissionsOf, type Role } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import type { FieldCrypto } from '../../privacy/field-crypto.js';
import type { AuditService } from '../audit/audit.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { UsersRepository, type UserRow } from '../users/users.repository.js';
import { assertPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { SessionsRepository } from './sessions.repository.js';
import { isAdminAccount, matchingStep, TOTP_SECRET_FIELD } from './totp.js';

export const SESSION_COOKIE = 'shoutu_session';

const MINUTE = 60_000;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function rolesOf(row: UserRow): Role[] {
  return (JSON.parse(row.roles) as string[]).filter(isRole);
}

export type SecondFactor = 'not_required' | 'enrol' | 'verified';

/**
 * Sign-in, sessions and password changes (SECURITY.md rows 1–4). Sessions live on the server:
 * the cookie holds a random token whose hash is the session key, so logout really ends it.
 */
export class AuthService {
  constructor(
    private readonly system: Kysely<Database>,
    private readonly audit: AuditService,
    private readonly config: Config,
    private readonly crypto: FieldCrypto,
  ) {}

  /** Whether an account must pass TOTP: the three admin roles, unless the setting is off. */
  secondFactorRequired(roles: readonly Role[]): boolean {
    return this.config.adminTotp === 'required' && isAdminAccount(roles);
  }

  async login(ctx: RequestContext, username: string, password: string, totp?: string): Promise<{ token: string; actor: Actor }> {
    const users = new UsersRepository(this.system);
    const user = await users.findByUsername(username);
    const now = ctx.now();
    if (!user || user.disabled) {
      await verifyPassword(await dummyPasswordHash(), password);
      await this.failLogin(ctx, username, user?.id, 'unknown_or_disabled');
      throw new AppError('invalid_credentials');
    }
    if (user.locked_until && user.locked_until > now.toISOString()) {
      await this.failLogin(ctx, username, user.id, 'locked');
      throw new AppError('account_locked');
    }
    if (!(await verifyPassword(user.password_hash, password))) return this.refuse(ctx, user, 'invalid_credentials');

    // An admin enrolled in TOTP signs in with a code; one not yet enrolled gets a session that can only enrol.
    const secondFactor = this.secondFactorRequired(rolesOf(user));
    const enrolled = user.totp_enrolled_at !== null && user.totp_secret_enc !== null;
    let step: number | null = null;
    if (secondFactor && enrolled) {
      if (!totp) {
        await this.failLogin(ctx, username, user.id, 'totp_required');
        throw new AppError('totp_required');
      }
      step = matchingStep(this.crypto.decrypt(user.totp_secret_enc!, TOTP_SECRET_FIELD), totp, now);
      if (step === null) return this.refuse(ctx, user, 'totp_invalid');
    }
    const pending = secondFactor && !enrolled;

    const token = randomBytes(32).toString('base64url');
    const hashed = tokenHash(token);
    const opened = await this.system.transaction().execute(async (trx) => {
      const repo = new UsersRepository(trx);
      if (step !== null && !(await repo.claimTotpStep(user.id, step))) return false;
      await repo.update(user.id, { failed_logins: 0, locked_until: null });
      await new SessionsRepository(trx).insert({ token_hash: hashed, user_id: user.id, created_at: now.toISOString(), last_seen_at: now.toISOString(), ip: ctx.ip, second_factor_pending: pending ? 1 : 0 });
      const detail = pending ? { secondFactor: 'enrol' } : step !== null ? { secondFactor: 'totp' } : undefined;
      await this.audit.record(trx, ctx, { action: 'auth.login', actorUsername: user.username, actorId: user.id, ...(detail ? { detail } : {}) });
      return true;
    });
    // The step was already used: a replayed code is a wrong code.
    if (!opened) return this.refuse(ctx, user, 'totp_invalid');
    return { token, actor: this.toActor(user, hashed, pending, now) };
  }

  /** A wrong password or TOTP code: counted towards the lockout and audited, then refused. */
  private async refuse(ctx: RequestContext, user: UserRow, code: 'invalid_credentials' | 'totp_invalid'): Promise<never> {
    const now = ctx.now();
    const lock = await this.system.transaction().execute(async (trx) => {
      const repo = new UsersRepository(trx);
      const failures = await repo.incrementFailedLogins(user.id);
      const locking = failures >= this.config.lockout.maxFailures;
      if (locking) await repo.update(user.id, { failed_logins: 0, locked_until: new Date(now.getTime() + this.config.lockout.minutes * MINUTE).toISOString() });
      const detail = code === 'totp_invalid' ? { failures, reason: code } : { failures };
      await this.audit.record(trx, ctx, { action: locking ? 'auth.lockout' : 'auth.login', result: 'failure', actorUsername: user.username, actorId: user.id, detail });
      return locking;
    });
    throw new AppError(lock ? 'account_locked' : code);
  }

  private async failLogin(ctx: RequestContext, username: string, userId: string | undefined, reason: string) {
    await this.system.transaction().execute((trx) =>
      this.audit.record(trx, ctx, { action: 'auth.login', result: 'failure', actorUsername: username.slice(0, 64), ...(userId ? { actorId: userId } : {}), detail: { reason } }),
    );
  }

  /** Resolves a session cookie to an actor, or null when absent, unknown, idle too long or too old. */
  async authenticate(token: string | undefined, now: Date): Promise<Actor | null> {
    if (!token) return null;
    const hashed = tokenHash(token);
    const sessions = new SessionsRepository(this.system);
    const found = await sessions.findWithUser(hashed);
    if (!found) return null;
    const { session_created_at: createdAt, session_last_seen_at: lastSeenAt, second_factor_pending: pending, ...user } = found;
    const idleLimit = new Date(now.getTime() - this.config.session.idleMinutes * MINUTE).toISOString();
    const ageLimit = new Date(now.getTime() - this.config.session.absoluteHours * 60 * MINUTE).toISOString();
    if (lastSeenAt < idleLimit || createdAt < ageLimit) {
      await sessions.delete(hashed);
      return null;
    }
    if (user.disabled) return null;
    // Writing on every request would make reads write; a minute's precision is enough for idling.
    if (now.getTime() - Date.parse(lastSeenAt) > MINUTE) await sessions.touch(hashed, now.toISOString());
    return this.toActor(user, hashed, pending === 1, now);
  }

  async logout(ctx: RequestContext): Promise<void> {
    const actor = ctx.actor;
    if (!actor) return;
    await this.system.transaction().execute(async (trx) => {
      await new SessionsRepository(trx).delete(actor.sessionTokenHash);
      await this.audit.record(trx, ctx, { action: 'auth.logout' });
    });
  }

  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
    const actor = ctx.actor!;
    const users = new UsersRepository(this.system);
    const user = await users.findById(actor.id);
    if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
      throw new AppError('validation_failed', [fieldError('currentPassword', 'wrong_password')]);
    }
    if (currentPassword === newPassword) throw new AppError('validation_failed', [fieldError('newPassword', 'password_reused')]);
    assertPasswordPolicy(newPassword, user.username, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    const now = ctx.now().toISOString();
    await this.system.transaction().execute(async (trx) => {
      await new UsersRepository(trx).update(user.id, { password_hash: passwordHash, must_change_password: 0, password_changed_at: now, updated_at: now, version: user.version + 1 });
      // Other sessions of this account end: whoever knew the old password is signed out.
      await new SessionsRepository(trx).deleteForUser(user.id, actor.sessionTokenHash);
      await this.audit.record(trx, ctx, { action: 'auth.password_change', objectType: 'user', objectId: user.id });
    });
  }

  async describe(actor: Actor) {
    const regions = await new RegionsRepository(this.system).byCodes(actor.ground.regionCodes);
    return {
      id: actor.id,
      username: actor.username,
      displayName: actor.displayName,
      roles: actor.roles,
      permissions: actor.permissions,
      mustChangePassword: actor.mustChangePassword,
      secondFactor: this.secondFactorOf(actor),
      ground: {
        regionCodes: actor.ground.regionCodes,
        regions: regions.map((r) => ({ code: r.code, name: r.name })),
        departmentId: actor.ground.departmentId ?? null,
        enterpriseId: actor.ground.enterpriseId ?? null,
      },
    };
  }

  private secondFactorOf(actor: Actor): SecondFactor {
    if (actor.secondFactorPending) return 'enrol';
    return this.secondFactorRequired(actor.roles) ? 'verified' : 'not_required';
  }

  /** A password older than the rotation period must be changed before anything else, like an initial one. */
  private passwordExpired(user: UserRow, now: Date): boolean {
    const days = this.config.passwordMaxAgeDays;
    return days > 0 && now.getTime() - Date.parse(user.password_changed_at) >= days * 24 * 60 * MINUTE;
  }

  private toActor(user: UserRow, sessionTokenHash: string, secondFactorPending: boolean, now: Date): Actor {
    const roles = rolesOf(user);
    return {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      roles,
      permissions: permissionsOf(roles),
      ground: {
        regionCodes: JSON.parse(user.ground_region_codes) as string[],
        departmentId: user.department_id,
        enterpriseId: user.enterprise_id,
      },
      mustChangePassword: user.must_change_password === 1 || this.passwordExpired(user, now),
      secondFactorPending,
      sessionTokenHash,
    };
  }
}
