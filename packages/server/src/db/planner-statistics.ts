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
    await sql`pragma optimize`.execute(db.kysely);
  } else {
    await sql`analyze`.execute(db.kysely);
  }
}

export const plannerStatisticsJob: ScheduledJob = {
  name: 'db.planner-statistics',
  description: 'Refresh the query planner statistics (SQLite pragma optimize, PostgreSQL analyze)',
  intervalMs: 3 * 3_600_000,
  run: async ({ services }) => {
    await refreshPlannerStatistics(services.db);
    return {};
  },
};
