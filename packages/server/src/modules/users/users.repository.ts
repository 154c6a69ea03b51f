import type { Kysely, Selectable, Insertable, Updateable } from 'kysely';
import type { Database, UserTable } from '../../db/schema.js';

export type UserRow = Selectable<UserTable>;

/** Accounts are not region-grounded rows: only the auth flow and the system admin touch them. */
export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  findByUsername(username: string) {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  findById(id: string) {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: Insertable<UserTable>): Promise<void> {
    await this.db.insertInto('users').values(row).execute();
  }

  /** Applies a change only if the row still has the version the caller read; returns rows changed. */
  async updateVersioned(id: string, version: number, changes: Updateable<UserTable>): Promise<number> {
    const result = await this.db
      .updateTable('users')
      .set({ ...changes, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Counts one more failed sign-in in the database itself and returns the new total: guesses sent
   * in parallel each read the same row, so a count computed from that read would let them all pass.
   */
  async incrementFailedLogins(id: string): Promise<number> {
    const row = await this.db
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', id)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    return Number(row.failed_logins);
  }

  /**
   * Accepts a TOTP time step only if it is later than the last one accepted, in one statement, so
   * that the same code sent twice (also at the same moment) signs in once.
   */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async update(id: string, changes: Updateable<UserTable>): Promise<void> {
    await this.db.updateTable('users').set(changes).where('id', '=', id).execute();
  }

  list(options: { limit: number; after?: string; q?: string }) {
    let query = this.db.selectFrom('users').selectAll().orderBy('username').limit(options.limit);
    if (options.after !== undefined) query = query.where('username', '>', options.after);
    if (options.q) query = query.where((eb) => eb.or([eb('username', 'like', `%${options.q}%`), eb('display_name', 'like', `%${options.q}%`)]));
    return query.execute();
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
