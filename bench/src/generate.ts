import type { Insertable, Kysely } from 'kysely';
import type { Database } from '@shoutu/server/db/schema.js';
import { progress } from './progress.js';

/** Rows per INSERT of generated data: well under both engines' parameter limits. */
const INSERT_BATCH = 500;

/**
 * `count` generated rows straight into `table`, around the repositories (the caller rebuilds what
 * they would have kept), in one transaction of 500-row INSERTs, with a progress bar named `label`.
 * `row(index)` makes each row, in index order.
 */
export async function generateRows<T extends keyof Database & string>(db: Kysely<Database>, label: string, table: T, count: number, row: (index: number) => Insertable<Database[T]>): Promise<void> {
  progress.start(label, count);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i += INSERT_BATCH) {
      const batch: Insertable<Database[T]>[] = [];
      for (let j = i; j < Math.min(count, i + INSERT_BATCH); j += 1) batch.push(row(j));
      await trx.insertInto(table).values(batch).execute();
      progress.increment(batch.length);
    }
  });
  progress.stop();
}
