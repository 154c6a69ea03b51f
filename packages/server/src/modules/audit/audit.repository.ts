import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Dialect } from '../../db/database.js';
import { chainHash, GENESIS_HASH, type ChainedFields } from './audit.chain.js';

export interface AuditFilter {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit: number;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Appends one row to the chain inside the caller's transaction. On PostgreSQL a transaction-level
   * advisory lock orders concurrent writers so that each reads the true last hash; SQLite already
   * runs one write transaction at a time.
   */
  async append(fields: ChainedFields, dialect: Dialect): Promise<void> {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(740500)`.execute(this.db);
    const last = await this.db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const prevHash = last?.hash ?? GENESIS_HASH;
    await this.db
      .insertInto('audit_log')
      .values({ ...fields, prev_hash: prevHash, hash: chainHash(prevHash, fields) })
      .execute();
  }

  list(filter: AuditFilter) {
    let query = this.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(filter.limit);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.actor) query = query.where('actor_username', '=', filter.actor);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<', filter.to);
    if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
    return query.execute();
  }

  /** Reads the chain in seq order, a page at a time, so verification needs constant memory. */
  async *walk(pageSize = 5000) {
    let after = 0;
    for (;;) {
      const rows = await this.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
      if (rows.length === 0) return;
      yield* rows;
      after = rows[rows.length - 1]!.seq;
    }
  }
}
