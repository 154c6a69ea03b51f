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
    await this.lockChain(dialect);
    const last = await this.db.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    // After a purge of every row the chain continues from the anchor.
    const prevHash = last?.hash ?? (await this.anchor())?.hash ?? GENESIS_HASH;
    await this.db
      .insertInto('audit_log')
      .values({ ...fields, prev_hash: prevHash, hash: chainHash(prevHash, fields) })
      .execute();
  }

  /** Orders writers of the chain on PostgreSQL (appends and purges); SQLite has one writer anyway. */
  async lockChain(dialect: Dialect): Promise<void> {
    if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(740500)`.execute(this.db);
  }

  anchor() {
    return this.db.selectFrom('audit_anchor').selectAll().where('id', '=', 1).executeTakeFirst();
  }

  /**
   * The newest row that may be purged: every row up to it is older than `before`, so only a whole
   * prefix of the chain goes, even if a row's time is earlier than the one before it.
   */
  async lastPurgeable(before: string) {
    const firstKept = await this.db.selectFrom('audit_log').select((eb) => eb.fn.min('seq').as('seq')).where('at', '>=', before).executeTakeFirst();
    let query = this.db.selectFrom('audit_log').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1);
    if (firstKept?.seq != null) query = query.where('seq', '<', Number(firstKept.seq));
    return query.executeTakeFirst();
  }

  /**
   * Removes the chain up to and including `last` and makes it the anchor. The append-only triggers
   * let a DELETE through only for rows the purge has authorised inside this transaction: a session
   * setting on PostgreSQL, a permit row on SQLite, both gone when the transaction ends.
   */
  async purgeThrough(last: { seq: number; hash: string; at: string }, purgedAt: string, dialect: Dialect): Promise<number> {
    if (dialect === 'postgres') await sql`select set_config('shoutu.audit_purge_upto', ${String(last.seq)}, true)`.execute(this.db);
    else await sql`insert into audit_purge_permit (id, upto_seq) values (1, ${last.seq})`.execute(this.db);
    const deleted = await this.db.deleteFrom('audit_log').where('seq', '<=', last.seq).executeTakeFirst();
    const anchor = { seq: last.seq, hash: last.hash, at: last.at, purged_at: purgedAt };
    if (await this.anchor()) await this.db.updateTable('audit_anchor').set(anchor).where('id', '=', 1).execute();
    else await this.db.insertInto('audit_anchor').values({ id: 1, ...anchor }).execute();
    if (dialect === 'postgres') await sql`select set_config('shoutu.audit_purge_upto', '', true)`.execute(this.db);
    else await sql`delete from audit_purge_permit`.execute(this.db);
    return Number(deleted.numDeletedRows);
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
