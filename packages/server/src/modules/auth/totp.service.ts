import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import type { FieldCrypto } from '../../privacy/field-crypto.js';
import type { AuditService } from '../audit/audit.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import { isAdminAccount, matchingStep, newTotpSecret, otpauthUrl, TOTP_SECRET_FIELD } from './totp.js';

/**
 * TOTP enrolment of the admin roles and its reset by the security admin (SECURITY.md row 4).
 * A secret is replaced only after a reset, so a session alone cannot move an enrolled account's
 * second factor to another phone.
 */
export class TotpService {
  constructor(
    private readonly system: Kysely<Database>,
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
  ) {}

  private async ownAccount(ctx: RequestContext) {
    const actor = ctx.actor!;
    if (!isAdminAccount(actor.roles)) throw forbidden();
    // The system handle: an account's own row may lie outside its ground (its home is the common region).
    const user = await new UsersRepository(this.system).findById(actor.id);
    if (!user) throw notFound();
    if (user.totp_enrolled_at !== null) throw new AppError('totp_already_enrolled');
    return user;
  }

  /** Generates a new secret, stored encrypted and pending until a code from it is confirmed. */
  async setup(ctx: RequestContext): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await this.ownAccount(ctx);
    const secret = newTotpSecret();
    const now = ctx.now().toISOString();
    await this.system.transaction().execute(async (trx) => {
      await new UsersRepository(trx).update(user.id, { totp_secret_enc: this.crypto.encrypt(secret, TOTP_SECRET_FIELD), totp_last_step: null, updated_at: now, version: user.version + 1 });
      await this.audit.record(trx, ctx, { action: 'auth.totp_setup', objectType: 'user', objectId: user.id });
    });
    return { secret, otpauthUrl: otpauthUrl(secret, user.username) };
  }

  /** A code from the pending secret enrols the account and frees this session; its other sessions end. */
  async confirm(ctx: RequestContext, code: string): Promise<void> {
    const actor = ctx.actor!;
    const user = await this.ownAccount(ctx);
    if (user.totp_secret_enc === null) throw new AppError('totp_not_set_up');
    const now = ctx.now();
    const step = matchingStep(this.crypto.decrypt(user.totp_secret_enc, TOTP_SECRET_FIELD), code, now);
    if (step === null) throw new AppError('validation_failed', [fieldError('code', 'totp_invalid')]);
    await this.system.transaction().execute(async (trx) => {
      await new UsersRepository(trx).update(user.id, { totp_enrolled_at: now.toISOString(), totp_last_step: step, updated_at: now.toISOString(), version: user.version + 1 });
      const sessions = new SessionsRepository(trx);
      await sessions.completeSecondFactor(actor.sessionTokenHash);
      // Whoever else signed in with the password alone is signed out.
      await sessions.deleteForUser(user.id, actor.sessionTokenHash);
      await this.audit.record(trx, ctx, { action: 'auth.totp_enrol', objectType: 'user', objectId: user.id });
    });
  }

  /**
   * The security admin clears another account's TOTP (a lost phone): its sessions end, and at the
   * next sign-in it must enrol again. Ground applies: an account outside it is not found.
   */
  async reset(ctx: RequestContext, userId: string): Promise<void> {
    if (userId === ctx.actor!.id) throw forbidden();
    const user = await new UsersRepository(ctx.db).findById(userId);
    if (!user) throw notFound();
    const now = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      await new UsersRepository(trx).update(user.id, { totp_secret_enc: null, totp_last_step: null, totp_enrolled_at: null, updated_at: now, version: user.version + 1 });
      await new SessionsRepository(trx).deleteForUser(user.id);
      await this.audit.record(trx, ctx, { action: 'user.totp_reset', objectType: 'user', objectId: user.id, detail: { username: user.username, wasEnrolled: user.totp_enrolled_at !== null } });
    });
  }
}
