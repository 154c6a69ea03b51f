import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** The Idempotency-Key store: one row per (caller, key), committed only together with the request's own writes. */
export class IdempotencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A stored answer recorded at or after `freshSince`. */
  findAnswer(actorKey: string, key: string, freshSince: string) {
    return this.db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status_code', 'response_body'])
      .where('actor_key', '=', actorKey)
      .where('idempotency_key', '=', key)
      .where('state', '=', 'done')
      .where('created_at', '>=', freshSince)
      .executeTakeFirst();
  }

  /**
   * PostgreSQL: claims the key for this transaction, or answers false at once if another request
   * holds it (an insert of the same key would wait for that request to end). SQLite needs nothing:
   * a request's transaction holds the only write lock.
   */
  async tryLock(dialect: Dialect, actorKey: string, key: string): Promise<boolean> {
    if (dialect !== 'postgres') return true;
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtextextended(${`idempotency\n${actorKey}\n${key}`}, 0)) as locked`.execute(this.db);
    return rows[0]?.locked === true;
  }

  /** Claims the key: an expired answer gives way to the new request. */
  async insertClaim(row: { actorKey: string; key: string; requestHash: string; at: string }, freshSince: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('actor_key', '=', row.actorKey).where('idempotency_key', '=', row.key).where('created_at', '<', freshSince).execute();
    await this.db
      .insertInto('idempotency_keys')
      .values({ actor_key: row.actorKey, idempotency_key: row.key, request_hash: row.requestHash, state: 'pending', status_code: null, response_body: null, created_at: row.at })
      .execute();
  }

  async storeAnswer(actorKey: string, key: string, statusCode: number, body: string | null): Promise<void> {
    await this.db.updateTable('idempotency_keys').set({ state: 'done', status_code: statusCode, response_body: body }).where('actor_key', '=', actorKey).where('idempotency_key', '=', key).execute();
  }

  async release(actorKey: string, key: string): Promise<void> {
    await this.db.deleteFrom('idempotency_keys').where('actor_key', '=', actorKey).where('idempotency_key', '=', key).execute();
  }

  async purgeBefore(cutoff: string): Promise<number> {
    const result = await this.db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
