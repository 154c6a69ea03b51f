import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/** Accountability records (失职追责). */
export function accountabilityMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('accountability_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('subject_kind', 'text', (c) => c.notNull())
        .addColumn('subject_name', 'text', (c) => c.notNull())
        .addColumn('subject_post', 'text')
        .addColumn('subject_unit', 'text')
        .addColumn('trigger_kind', 'text', (c) => c.notNull())
        .addColumn('trigger_id', 'text')
        .addColumn('trigger_part', 'text')
        .addColumn('trigger_key', 'text')
        .addColumn('trigger_summary', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('facts', 'text', (c) => c.notNull())
        .addColumn('measure', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_on', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('status_note', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('accountability_records_region').on('accountability_records').columns(['region_code', 'created_at', 'id']).execute();
      // Candidates are checked against the keys already decided.
      await db.schema.createIndex('accountability_records_trigger').on('accountability_records').columns(['trigger_key']).execute();
      await db.schema.createIndex('accountability_records_created').on('accountability_records').columns(['created_at', 'id']).execute();
    },
  };
}
