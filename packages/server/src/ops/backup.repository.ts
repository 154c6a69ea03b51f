import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The tables a backup holds, in an order that satisfies foreign keys on restore, each with the
 * key that orders its rows. Sessions and idempotency keys are transient and left out.
 */
export const BACKUP_TABLES = [
  { table: 'regions', key: 'code' },
  { table: 'units', key: 'id' },
  { table: 'users', key: 'id' },
  { table: 'audit_log', key: 'seq' },
  // Without it a purged chain would not verify after a restore.
  { table: 'audit_anchor', key: 'id' },
] as const satisfies ReadonlyArray<{ table: keyof Database; key: string }>;

export type BackupTable = (typeof BACKUP_TABLES)[number]['table'];

export class BackupRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async *rows(table: BackupTable, key: string, pageSize = 2000): AsyncGenerator<Record<string, unknown>> {
    let after: unknown = null;
    const db = this.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for (;;) {
      let query = db.selectFrom(table).selectAll().orderBy(key).limit(pageSize);
      if (after !== null) query = query.where(key, '>', after);
      const page = await query.execute();
      if (page.length === 0) return;
      yield* page;
      after = page[page.length - 1]![key];
    }
  }

  async insert(table: BackupTable, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const db = this.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db.insertInto(table).values(rows).execute();
  }

  async count(table: BackupTable): Promise<number> {
    const db = this.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
