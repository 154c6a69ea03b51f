import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Actor, RequestContext } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { AuditService } from '../../audit/audit.service.js';
import { CheckpointsRepository } from './checkpoints.repository.js';
import { CheckpointTokensRepository } from './checkpoint-tokens.repository.js';
import type { CheckpointToken, IssuedCheckpointToken } from './checkpoints.schema.js';

/** Tokens say what they are, so a leaked one is recognised in a log or a paste (`sttk_` + 43 characters). */
const PREFIX = 'sttk_';
const MINUTE = 60_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

type TokenRow = Awaited<ReturnType<CheckpointTokensRepository['ofCheckpoint']>>[number];

function toToken(row: TokenRow): CheckpointToken {
  return { id: row.id, checkpointId: row.checkpoint_id, name: row.name, createdBy: row.created_by, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at, revokedBy: row.revoked_by };
}

/**
 * API tokens of gate devices (闸机令牌, decision 0025): a checkpoint admin issues one bound to one
 * checkpoint, sees it once, and may revoke it; only its SHA-256 is kept. A device presenting it
 * acts as that checkpoint and may make travel checks, nothing else (http/access.ts).
 */
export class CheckpointTokensService {
  constructor(private readonly audit: AuditService) {}

  private async checkpoint(ctx: RequestContext, id: string) {
    const checkpoint = await new CheckpointsRepository(ctx.db).byId(id);
    if (!checkpoint) throw notFound();
    return checkpoint;
  }

  async list(ctx: RequestContext, checkpointId: string): Promise<{ items: CheckpointToken[] }> {
    await this.checkpoint(ctx, checkpointId);
    return { items: (await new CheckpointTokensRepository(ctx.db).ofCheckpoint(checkpointId)).map(toToken) };
  }

  async issue(ctx: RequestContext, checkpointId: string, name: string): Promise<IssuedCheckpointToken> {
    const checkpoint = await this.checkpoint(ctx, checkpointId);
    const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    const at = ctx.now().toISOString();
    const row = { id: randomUUID(), checkpoint_id: checkpoint.id, region_code: checkpoint.region_code, name: name.trim(), token_hash: hashOf(token), created_by: ctx.actor?.id ?? null, created_at: at, last_used_at: null, revoked_at: null, revoked_by: null };
    await ctx.db.transaction().execute(async (trx) => {
      await new CheckpointTokensRepository(trx).insert(row);
      // The token itself is never recorded, not even in the audit trail.
      await this.audit.record(trx, ctx, { action: 'checkpoint_token.issue', objectType: 'checkpoint_token', objectId: row.id, detail: { checkpointId: checkpoint.id, name: row.name } });
    });
    return { ...toToken(row), token };
  }

  async revoke(ctx: RequestContext, checkpointId: string, tokenId: string): Promise<CheckpointToken> {
    await this.checkpoint(ctx, checkpointId);
    return ctx.db.transaction().execute(async (trx) => {
      const repo = new CheckpointTokensRepository(trx);
      const row = await repo.byId(checkpointId, tokenId);
      if (!row) throw notFound();
      if (row.revoked_at !== null) throw new AppError('conflict');
      const at = ctx.now().toISOString();
      await repo.revoke(tokenId, ctx.actor?.id ?? null, at);
      await this.audit.record(trx, ctx, { action: 'checkpoint_token.revoke', objectType: 'checkpoint_token', objectId: tokenId, detail: { checkpointId, name: row.name } });
      return toToken({ ...row, revoked_at: at, revoked_by: ctx.actor?.id ?? null });
    });
  }
}

/**
 * Resolves `Authorization: Bearer <token>` to the actor of a gate device: the travel-check
 * permission only, the checkpoint's region as ground, the checkpoint it speaks for. One indexed
 * lookup by the token's hash; the last use is written at most once a minute.
 */
export class CheckpointTokenAuth {
  constructor(private readonly system: Kysely<Database>) {}

  async authenticate(token: string, now: Date): Promise<Actor | null> {
    if (!token.startsWith(PREFIX) || token.length > 100) return null;
    const repo = new CheckpointTokensRepository(this.system);
    const row = await repo.live(hashOf(token));
    if (!row) return null;
    if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) > MINUTE) await repo.touch(row.id, now.toISOString());
    return {
      id: row.id,
      username: `device:${row.name}`,
      displayName: row.name,
      roles: [],
      permissions: ['travel:check'],
      ground: { regionCodes: [row.region_code] },
      mustChangePassword: false,
      secondFactorPending: false,
      sessionTokenHash: '',
      device: { tokenId: row.id, checkpointId: row.checkpoint_id },
    };
  }
}
