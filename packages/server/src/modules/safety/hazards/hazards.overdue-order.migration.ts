import { sql, type Kysely, type Migration } from 'kysely';

/**
 * '0014-safety-hazard-overdue-order': the overdue list is read longest overdue first, and the open
 * hazards in deadline order are one partial index. Newest first, as the other filters, it had to
 * step over every recent hazard still within its deadline (a fixed share of all hazards, so the
 * cost grew with the data) or sort every overdue one; in deadline order a page is an index walk of
 * about its own length.
 */
export function hazardOverdueOrderMigration(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('hazards_open_by_deadline').on('hazards').columns(['deadline', 'id']).where(sql.ref('status'), '<>', 'closed').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('hazards_open_by_deadline').execute();
    },
  };
}
