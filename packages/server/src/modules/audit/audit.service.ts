import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Dialect } from '../../db/database.js';
import type { RequestContext } from '../../http/context.js';
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

  async verify(db: Kysely<Database>): Promise<VerifyResult> {
    let prev = GENESIS_HASH;
    let checked = 0;
    for await (const row of new AuditRepository(db).walk()) {
      if (row.prev_hash !== prev || chainHash(prev, row) !== row.hash) return { ok: false, checked, firstBadSeq: row.seq };
      prev = row.hash;
      checked += 1;
    }
    return { ok: true, checked, firstBadSeq: null };
  }
}
