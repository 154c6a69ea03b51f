import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/**
 * The epidemic operations around persons: exposures (contact tracing), daily follow-ups and grid
 * alerts, checkpoints and arrivals, travel checks, and area risk levels. Every table carries the
 * region_code that grounds it.
 */
export function tracingMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('exposures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('source_person_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('target_person_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('setting', 'text', (c) => c.notNull())
        .addColumn('exposure_date', 'text', (c) => c.notNull())
        .addColumn('note_enc', 'text')
        .addColumn('recorded_by', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        // The same exposure told twice is one exposure.
        .addUniqueConstraint('exposures_once', ['source_person_id', 'target_person_id', 'exposure_date', 'setting'])
        .execute();
      // A chain is walked along exposures in both directions.
      await db.schema.createIndex('exposures_target').on('exposures').columns(['target_person_id', 'source_person_id']).execute();
      await db.schema.createIndex('exposures_region_date').on('exposures').columns(['region_code', 'exposure_date']).execute();

      await db.schema
        .createTable('followups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('followup_date', 'text', (c) => c.notNull())
        .addColumn('test_taken', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('health_enc', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('followups_person_date').on('followups').columns(['person_id', 'followup_date']).execute();
      await db.schema.createIndex('followups_region_date').on('followups').columns(['region_code', 'followup_date']).execute();

      await db.schema
        .createTable('checkpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('checkpoints_region').on('checkpoints').columns(['region_code', 'name']).execute();

      await db.schema
        .createTable('arrivals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
        .addColumn('person_id', 'text', (c) => c.references('persons.id'))
        .addColumn('id_number_hash', 'text', (c) => c.notNull())
        .addColumn('origin_region_code', codeType)
        .addColumn('origin_text_enc', 'text', (c) => c.notNull())
        .addColumn('origin_level', 'text', (c) => c.notNull())
        .addColumn('origin_local_infection', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('arrival_date', 'text', (c) => c.notNull())
        .addColumn('transport', 'text', (c) => c.notNull())
        .addColumn('trip_enc', 'text')
        .addColumn('recorded_by', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // The travel check reads a person's recent origins by the keyed hash.
      await db.schema.createIndex('arrivals_hash_date').on('arrivals').columns(['id_number_hash', 'arrival_date']).execute();
      await db.schema.createIndex('arrivals_checkpoint_created').on('arrivals').columns(['checkpoint_id', 'created_at', 'id']).execute();

      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.references('persons.id'))
        .addColumn('arrival_id', 'text', (c) => c.references('arrivals.id'))
        .addColumn('detail_enc', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('acknowledged_by', 'text')
        .addColumn('acknowledged_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alerts_region_status').on('alerts').columns(['region_code', 'status', 'created_at']).execute();

      await db.schema
        .createTable('travel_checks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('checkpoint_id', 'text', (c) => c.references('checkpoints.id'))
        .addColumn('id_number_hash', 'text', (c) => c.notNull())
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('travel_date', 'text', (c) => c.notNull())
        .addColumn('check_day', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('checked_by', 'text')
        .addColumn('checked_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('travel_checks_day').on('travel_checks').columns(['check_day', 'decision']).execute();
      await db.schema.createIndex('travel_checks_region_day').on('travel_checks').columns(['region_code', 'check_day']).execute();

      await db.schema
        .createTable('area_risk_levels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('effective_from', 'text', (c) => c.notNull())
        .addColumn('effective_to', 'text')
        .addColumn('edition', 'text', (c) => c.notNull())
        .addColumn('set_by', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('area_risk_levels_region_from').on('area_risk_levels').columns(['region_code', 'effective_from']).execute();
    },
  };
}
