import type { Kysely, Migration } from 'kysely';

/**
 * '0012-safety-hazard-list-indexes': the hazard list is read newest first under one filter. Without
 * an index that starts with the filter and continues in list order, the database sorts every
 * matching hazard to return 50 (a temporary B-tree over a quarter of the table), so the first page
 * grew with the data. With them a page is an index walk of about its own length.
 */
export function hazardListIndexesMigration(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('hazards_status_found').on('hazards').columns(['status', 'found_at', 'id']).execute();
      await db.schema.createIndex('hazards_grade_found').on('hazards').columns(['grade', 'found_at', 'id']).execute();
      await db.schema.createIndex('hazards_found').on('hazards').columns(['found_at', 'id']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const name of ['hazards_status_found', 'hazards_grade_found', 'hazards_found']) await db.schema.dropIndex(name).execute();
    },
  };
}
