import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { MIN_AUDIT_RETENTION_DAYS } from '../../config.js';
import type { Dialect } from '../../db/database.js';
import type { RequestContext } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { chainHash, GENESIS_HASH } from './audit.chain.js';
import { AuditRepository, type AuditFilter } from './audit.repository.js';

export interface AuditEvent {
  action: string;
  objectType?: string;
  objectId?: string;
  result?: 'success' | 'failure';
  detail?: Record<string, unknown>;
  /** For events before a session exists, e.g. a failed login. */
  actorUsername?: string;
  actorId?: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
}

export interface PurgeResult {
  retentionDays: number;
  /** Rows recorded before this time were eligible. */
  cutoff: string;
  purged: number;
  /** Where the chain now starts: the last row removed (by this or an earlier purge), or null if none ever was. */
  anchor: { seq: number; hash: string; at: string } | null;
}

const DAY = 24 * 60 * 60_000;

/**
 * The audit trail (SECURITY.md rows 10–12). `record` must be called with the same transaction
 * as the change it records: if the audit row cannot be written, the change rolls back.
 */
export class AuditService {
  constructor(private readonly dialect: Dialect) {}

  async record(trx: Kysely<Database>, ctx: Pick<RequestContext, 'actor' | 'ip' | 'now'>, event: AuditEvent): Promise<void> {
    await new AuditRepository(trx).append(
      {
        at: ctx.now().toISOString(),
        actor_id: event.actorId ?? ctx.actor?.id ?? null,
        actor_username: event.actorUsername ?? ctx.actor?.username ?? null,
        ip: ctx.ip,
        action: event.action,
        object_type: event.objectType ?? null,
        object_id: event.objectId ?? null,
        result: event.result ?? 'success',
        detail: event.detail ? JSON.stringify(event.detail) : null,
      },
      this.dialect,
    );
  }

  async list(db: Kysely<Database>, filter: AuditFilter) {
    const rows = await new AuditRepository(db).list({ ...filter, limit: filter.limit + 1 });
    const page = rows.slice(0, filter.limit);
    return {
      items: page.map((row) => ({
        seq: row.seq,
        at: row.at,
        actorUsername: row.actor_username,
        ip: row.ip,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        result: row.result,
        detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
      })),
      nextSeq: rows.length > filter.limit ? page[page.length - 1]!.seq : null,
    };
  }

  /** Recomputes the chain from its anchor: the genesis hash, or the last row a purge removed. */
  async verify(db: Kysely<Database>): Promise<VerifyResult> {
    const repo = new AuditRepository(db);
    const anchor = await repo.anchor();
    let prev = anchor?.hash ?? GENESIS_HASH;
    const anchorSeq = anchor ? Number(anchor.seq) : 0;
    let checked = 0;
    for await (const row of repo.walk()) {
      // A row at or before the anchor should have gone with the purge; it is outside the chain.
      if (row.seq <= anchorSeq || row.prev_hash !== prev || chainHash(prev, row) !== row.hash) return { ok: false, checked, firstBadSeq: row.seq };
      prev = row.hash;
      checked += 1;
    }
    return { ok: true, checked, firstBadSeq: null };
  }

  /**
   * Removes the rows older than the retention period, oldest first and only as a whole prefix of
   * the chain, and records the purge as a new row (SECURITY.md row 13). A chain that does not
   * verify is left alone: purging would destroy the evidence.
   */
  async purge(db: Kysely<Database>, ctx: Pick<RequestContext, 'actor' | 'ip' | 'now'>, retentionDays: number, event: Pick<AuditEvent, 'actorUsername'> = {}): Promise<PurgeResult> {
    if (!Number.isInteger(retentionDays) || retentionDays < MIN_AUDIT_RETENTION_DAYS) {
      throw new Error(`Audit retention must be at least ${MIN_AUDIT_RETENTION_DAYS} days (Cybersecurity Law art. 21), got ${retentionDays}`);
    }
    const now = ctx.now();
    const cutoff = new Date(now.getTime() - retentionDays * DAY).toISOString();
    const check = await this.verify(db);
    if (!check.ok) throw new AppError('audit_chain_broken');
    return db.transaction().execute(async (trx) => {
      const repo = new AuditRepository(trx);
      await repo.lockChain(this.dialect);
      const last = await repo.lastPurgeable(cutoff);
      const purged = last ? await repo.purgeThrough({ seq: Number(last.seq), hash: last.hash, at: last.at }, now.toISOString(), this.dialect) : 0;
      const anchor = await repo.anchor();
      const result: PurgeResult = { retentionDays, cutoff, purged, anchor: anchor ? { seq: Number(anchor.seq), hash: anchor.hash, at: anchor.at } : null };
      await this.record(trx, ctx, { action: 'audit.purge', objectType: 'audit_log', ...event, detail: { retentionDays, cutoff, purged, anchorSeq: result.anchor?.seq ?? null, anchorHash: result.anchor?.hash ?? null } });
      return result;
    });
  }
}
