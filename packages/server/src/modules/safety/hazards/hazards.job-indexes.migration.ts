import { sql, type Kysely, type Migration } from 'kysely';

/**
 * '0017-safety-hazard-job-indexes': the hourly job that flags acceptances left waiting reads the
 * hazards awaiting acceptance, past due and not yet flagged. Through `(status, acceptance_due_at,
 * id)` it stepped over every flagged one first — most of those past due — 364 ms a run at a
 * million hazards on SQLite, holding the one connection; this partial index holds only the
 * unflagged ones (0.2 ms). Its key repeats the status so that SQLite prefers it to the wider index.
 * (The escalation job walks `hazards_open_by_escalation`, migration 0015.)
 */
export function hazardJobIndexesMigration(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createIndex('hazards_acceptance_unflagged')
        .on('hazards')
        .columns(['status', 'acceptance_due_at', 'id'])
        .where(sql.ref('status'), '=', 'awaiting_acceptance')
        .where(sql.ref('acceptance_overdue_at'), 'is', null)
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('hazards_acceptance_unflagged').execute();
    },
  };
}
