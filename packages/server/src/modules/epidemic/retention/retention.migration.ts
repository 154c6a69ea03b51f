import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/**
 * Purpose-bound retention (decision 0020): when each person was released, each person's own data
 * key, and the record of every destruction. A person released before this migration counts from
 * their last change, the nearest time to their release that is known.
 */
export function retentionMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('persons').addColumn('released_at', 'text').execute();
      await sql`update persons set released_at = updated_at where status = 'released'`.execute(db);
      await db.schema.createIndex('persons_released').on('persons').columns(['status', 'released_at']).execute();

      await db.schema
        .createTable('person_keys')
        .addColumn('person_id', 'text', (c) => c.primaryKey().references('persons.id'))
        .addColumn('key_enc', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('destruction_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('retention_days', 'integer', (c) => c.notNull())
        .addColumn('cutoff', 'text')
        .addColumn('counts', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('destruction_records_at').on('destruction_records').column('at').execute();

      // Arrivals without a person and travel checks are destroyed by age; a person's rows by the
      // person (on PostgreSQL the foreign keys are also checked through these when a person goes).
      await db.schema.createIndex('travel_checks_checked_at').on('travel_checks').column('checked_at').execute();
      await db.schema.createIndex('arrivals_created_at').on('arrivals').column('created_at').execute();
      await db.schema.createIndex('arrivals_person').on('arrivals').column('person_id').execute();
      await db.schema.createIndex('alerts_person').on('alerts').column('person_id').execute();
      await db.schema.createIndex('alerts_arrival').on('alerts').column('arrival_id').execute();
      await db.schema.createIndex('exposures_source').on('exposures').column('source_person_id').execute();
    },
  };
}
