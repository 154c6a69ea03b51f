import { commonRegion, conflictingAdminRoles, isGroundWithin, type Role } from '@shoutu/domain';
import type { Static } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { SessionsRepository } from '../auth/sessions.repository.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { newUserRow } from './new-user-row.js';
import { UsersRepository, type UserRow } from './users.repository.js';
import type { CreateUserBody, UpdateUserBody, User } from './users.schema.js';

export function toUser(row: UserRow): Static<typeof User> {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as string[],
    ground: { regionCodes: JSON.parse(row.ground_region_codes) as string[], departmentId: row.department_id, enterpriseId: row.enterprise_id },
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** Account administration by the system admin (SECURITY.md rows 1, 6). */
export class UsersService {
  constructor(private readonly audit: AuditService) {}

  /** The three admin duties stay separate, and nobody grants ground beyond their own. */
  private async checkGrant(ctx: RequestContext, roles: Role[] | undefined, regionCodes: string[] | undefined) {
    if (roles && conflictingAdminRoles(roles).length) throw new AppError('validation_failed', [fieldError('roles', 'admin_roles_combined')]);
    if (!regionCodes) return;
    if (!isGroundWithin({ regionCodes }, ctx.actor!.ground)) throw new AppError('validation_failed', [fieldError('regionCodes', 'outside_ground')]);
    const found = await new RegionsRepository(ctx.db).byCodes(regionCodes);
    if (found.length !== regionCodes.length) throw new AppError('validation_failed', [fieldError('regionCodes', 'unknown_region')]);
  }

  async list(ctx: RequestContext, query: { limit?: number; cursor?: string; q?: string }) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 1)?.[0] as string | undefined;
    const rows = await new UsersRepository(ctx.db).list({ limit: limit + 1, ...(after !== undefined ? { after } : {}), ...(query.q ? { q: query.q } : {}) });
    const page = rows.slice(0, limit);
    return { items: page.map(toUser), nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1]!.username]) : null };
  }

  async create(ctx: RequestContext, body: Static<typeof CreateUserBody>) {
    await this.checkGrant(ctx, body.roles, body.regionCodes);
    assertPasswordPolicy(body.password, body.username);
    const row = newUserRow({
      username: body.username,
      displayName: body.displayName,
      passwordHash: await hashPassword(body.password),
      roles: body.roles,
      regionCodes: body.regionCodes,
      departmentId: body.departmentId ?? null,
      enterpriseId: body.enterpriseId ?? null,
      // An account set up by an admin must choose its own password at first login (SECURITY.md row 1).
      mustChangePassword: true,
      at: ctx.now().toISOString(),
    });
    await ctx.db.transaction().execute(async (trx) => {
      // The unique index decides: an account outside the admin's ground is invisible to a lookup here.
      try {
        await new UsersRepository(trx).insert(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('conflict', [fieldError('username', 'taken')]);
        throw error;
      }
      await this.audit.record(trx, ctx, { action: 'user.create', objectType: 'user', objectId: row.id, detail: { username: row.username, roles: body.roles, regionCodes: body.regionCodes } });
    });
    return toUser(row);
  }

  async update(ctx: RequestContext, id: string, body: Static<typeof UpdateUserBody>) {
    if (body.version === undefined) throw new AppError('version_required');
    const repo = new UsersRepository(ctx.db);
    const current = await repo.findById(id);
    if (!current) throw notFound();
    await this.checkGrant(ctx, body.roles as Role[] | undefined, body.regionCodes);
    const changes = {
      ...(body.displayName !== undefined ? { display_name: body.displayName } : {}),
      ...(body.roles !== undefined ? { roles: JSON.stringify(body.roles) } : {}),
      ...(body.regionCodes !== undefined ? { ground_region_codes: JSON.stringify(body.regionCodes), home_region_code: commonRegion(body.regionCodes)! } : {}),
      ...(body.departmentId !== undefined ? { department_id: body.departmentId } : {}),
      ...(body.disabled !== undefined ? { disabled: body.disabled ? 1 : 0 } : {}),
      updated_at: ctx.now().toISOString(),
    };
    const permissionChange = body.roles !== undefined || body.regionCodes !== undefined || body.disabled !== undefined;
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new UsersRepository(trx).updateVersioned(id, body.version!, changes)) === 0) throw new AppError('version_conflict');
      // A narrowed or disabled account must not keep a session with its old rights.
      if (permissionChange) await new SessionsRepository(trx).deleteForUser(id);
      await this.audit.record(trx, ctx, { action: permissionChange ? 'user.permissions_change' : 'user.update', objectType: 'user', objectId: id, detail: { fields: Object.keys(body).filter((k) => k !== 'version') } });
    });
    return toUser((await repo.findById(id))!);
  }

  async resetPassword(ctx: RequestContext, id: string, password: string) {
    const user = await new UsersRepository(ctx.db).findById(id);
    if (!user) throw notFound();
    assertPasswordPolicy(password, user.username);
    const passwordHash = await hashPassword(password);
    const now = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      await new UsersRepository(trx).update(id, { password_hash: passwordHash, must_change_password: 1, failed_logins: 0, locked_until: null, password_changed_at: now, updated_at: now, version: user.version + 1 });
      await new SessionsRepository(trx).deleteForUser(id);
      await this.audit.record(trx, ctx, { action: 'user.password_reset', objectType: 'user', objectId: id });
    });
  }
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  return new UsersRepository(db).count();
}
