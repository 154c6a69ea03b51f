import type { Kysely, Migration } from 'kysely';

/**
 * '0018-epidemic-travel-log-order': the travel log (出行核验记录) is read newest first and grows
 * with every gate check. The index of 0006 held the instant alone, for retention; this one goes on
 * in list order and carries the ground's region and the decision, so a district's page or a page
 * of denials is found by walking index entries, without reading the rows it passes over.
 * Retention's `checked_at < cutoff` uses it as it used the old one.
 */
export function travelLogOrderMigration(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('travel_checks_by_time').on('travel_checks').columns(['checked_at', 'id', 'region_code', 'decision']).execute();
      await db.schema.dropIndex('travel_checks_checked_at').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('travel_checks_checked_at').on('travel_checks').column('checked_at').execute();
      await db.schema.dropIndex('travel_checks_by_time').execute();
    },
  };
}
