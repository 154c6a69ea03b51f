import type { HazardGrade } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { HazardCountsRepository } from './hazard-counts.repository.js';

const BATCH = 500;

/**
 * Moves the open hazards whose deadline has passed into the overview's "overdue" cells, a batch
 * per transaction. Until then the overview adds them from one index range, so this changes no
 * figure anyone sees; it keeps that range short. Bookkeeping only: no event, no audit row.
 */
export async function markOverdueCounts(db: Kysely<Database>, now: Date): Promise<{ marked: number }> {
  const at = now.toISOString();
  let marked = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const counts = new HazardCountsRepository(trx);
      const due = await counts.dueForMarking(at, BATCH);
      const cells = new Map<string, { region_code: string; grade: HazardGrade; n: number }>();
      for (const h of due) {
        const key = `${h.region_code}|${h.grade}`;
        const cell = cells.get(key) ?? { region_code: h.region_code, grade: h.grade, n: 0 };
        cell.n += 1;
        cells.set(key, cell);
      }
      for (const cell of cells.values()) {
        await counts.add({ region_code: cell.region_code, grade: cell.grade, open: true, counted_overdue: 0 }, -cell.n);
        await counts.add({ region_code: cell.region_code, grade: cell.grade, open: true, counted_overdue: 1 }, cell.n);
      }
      await counts.markCounted(due.map((h) => h.id));
      return due.length;
    });
    marked += done;
    if (done < BATCH) return { marked };
  }
}
