import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/** Accident reports with their revisions, level reports, investigation extensions, and the yearly targets. */
export function accidentsMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  // A loss can pass the 2.1 billion yuan a 32-bit integer holds (SQLite's integer is always 64-bit).
  const yuanType = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('accidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('occurred_on', 'text', (c) => c.notNull())
        .addColumn('learned_at', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('context', 'text', (c) => c.notNull())
        .addColumn('enterprise_id', 'text')
        .addColumn('enterprise_name', 'text')
        .addColumn('industry_code', codeType)
        .addColumn('summary', 'text')
        .addColumn('reporter', 'text')
        .addColumn('deaths', 'integer', (c) => c.notNull())
        .addColumn('serious_injuries', 'integer', (c) => c.notNull())
        .addColumn('missing', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('direct_loss_yuan', yuanType, (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('revision_count', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('investigation_extension_days', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('investigation_submitted_at', 'text')
        .addColumn('replied_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Statistics select a region subtree and a period: both are ranges on this index.
      await db.schema.createIndex('accidents_region_occurred').on('accidents').columns(['region_code', 'occurred_at']).execute();
      await db.schema.createIndex('accidents_occurred').on('accidents').columns(['occurred_at', 'id']).execute();

      await db.schema
        .createTable('accident_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accident_id', 'text', (c) => c.notNull().references('accidents.id'))
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('deaths', 'integer', (c) => c.notNull())
        .addColumn('serious_injuries', 'integer', (c) => c.notNull())
        .addColumn('missing', 'integer', (c) => c.notNull())
        .addColumn('direct_loss_yuan', yuanType, (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('accident_revisions_seq', ['accident_id', 'seq'])
        .execute();
      await db.schema.createIndex('accident_revisions_region').on('accident_revisions').columns(['region_code', 'recorded_at']).execute();

      await db.schema
        .createTable('accident_level_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accident_id', 'text', (c) => c.notNull().references('accidents.id'))
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('reported_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('accident_level_reports_level', ['accident_id', 'level'])
        .execute();

      await db.schema
        .createTable('accident_investigation_extensions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('accident_id', 'text', (c) => c.notNull().references('accidents.id'))
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('days', 'integer', (c) => c.notNull())
        .addColumn('approved_by', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('accident_investigation_extensions_accident').on('accident_investigation_extensions').columns(['accident_id']).execute();

      await db.schema
        .createTable('accident_targets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('industry_code', codeType, (c) => c.notNull().defaultTo(''))
        .addColumn('max_accidents', 'integer', (c) => c.notNull())
        .addColumn('max_deaths', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('accident_targets_key', ['region_code', 'year', 'industry_code'])
        .execute();
    },
  };
}
