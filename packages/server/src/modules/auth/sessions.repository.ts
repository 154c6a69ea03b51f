import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export class SessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: { token_hash: string; user_id: string; created_at: string; last_seen_at: string; ip: string | null; second_factor_pending: number }) {
    await this.db.insertInto('sessions').values(row).execute();
  }

  /** The session with its account, in one read: every authenticated request starts here. */
  findWithUser(tokenHash: string) {
    return this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.created_at as session_created_at', 'sessions.last_seen_at as session_last_seen_at', 'sessions.second_factor_pending'])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async touch(tokenHash: string, at: string) {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
  }

  async completeSecondFactor(tokenHash: string) {
    await this.db.updateTable('sessions').set({ second_factor_pending: 0 }).where('token_hash', '=', tokenHash).execute();
  }

  async delete(tokenHash: string) {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteForUser(userId: string, exceptTokenHash?: string) {
    let query = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptTokenHash) query = query.where('token_hash', '!=', exceptTokenHash);
    await query.execute();
  }
}
