import { sql } from 'kysely';
import type { ScheduledJob } from '../ops/scheduler.js';
import type { Db } from './database.js';

/**
 * Refreshes the statistics the query planner chooses indexes by. Without them SQLite guesses that
 * `status in (…) and deadline < ?` is selective and sorts every overdue hazard to show 50; with
 * them it walks the list-order index and stops after one page. `pragma optimize` analyses only
 * the tables whose size changed enough since the last time, sampling at most `analysis_limit`
 * rows per index, so it is cheap to run often (the SQLite documentation recommends it for
 * long-lived connections). PostgreSQL's autovacuum does the same on its own; an explicit ANALYZE
 * covers a bulk load that happened since.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  if (db.dialect === 'sqlite') {
    await sql`pragma analysis_limit = 1000`.execute(db.kysely);
    // 0x10000: every table, not only those this connection has read lately (a table only written
    // to, such as one filled by an import, would be skipped); 0x02: analyse them; 0x10: limited.
    await sql`pragma optimize = 0x10012`.execute(db.kysely);
    db.forgetPlans();
  } else {
    await sql`analyze`.execute(db.kysely);
  }
}

/**
 * After a bulk load (an import of thousands of rows). Statistics taken when a table was small (a
 * new deployment's start-up sees a few demo rows) make SQLite drive lookups of the grown table
 * through a region range: a person import slowed from ~5,000 to ~2,400 rows/s over its first
 * 100,000 rows, each 500-hash duplicate check walking the whole district (118 ms). `pragma
 * optimize` re-analyses only the tables that grew enough, in milliseconds. PostgreSQL's autovacuum
 * analyses a table by itself once a tenth of it has changed.
 */
export async function refreshAfterBulkLoad(db: Db): Promise<void> {
  if (db.dialect === 'sqlite') await refreshPlannerStatistics(db);
}

export const plannerStatisticsJob: ScheduledJob = {
  name: 'db.planner-statistics',
  description: 'Refresh the query planner statistics (SQLite pragma optimize, PostgreSQL analyze)',
  // Often, because tables grow from nothing in a crisis; a run where nothing grew costs nothing on SQLite.
  intervalMs: 30 * 60_000,
  run: async ({ services }) => {
    await refreshPlannerStatistics(services.db);
    return {};
  },
};
