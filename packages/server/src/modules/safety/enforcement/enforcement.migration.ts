import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/** '0008-safety-enforcement': enforcement cases against enterprises. */
export function enforcementMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('enforcement_cases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
        .addColumn('inspection_id', 'text', (c) => c.references('inspections.id'))
        .addColumn('hazard_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('case_number', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('violations', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('measures', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('fine_total_yuan', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('orders_rectification', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('suspends_production', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('decided_by', 'text')
        .addColumn('decided_on', 'text')
        .addColumn('unit_id', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Lists page newest first within a region or an enterprise.
      await db.schema.createIndex('enforcement_cases_region').on('enforcement_cases').columns(['region_code', 'created_at', 'id']).execute();
      await db.schema.createIndex('enforcement_cases_enterprise').on('enforcement_cases').columns(['enterprise_id', 'created_at', 'id']).execute();
    },
  };
}
