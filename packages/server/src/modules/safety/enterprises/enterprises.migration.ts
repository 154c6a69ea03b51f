import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/** The enterprise register, its supervising departments, the industry mapping and import reports. */
export function enterprisesMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('enterprises')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('credit_code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('industry_code', codeType, (c) => c.notNull())
        .addColumn('industry_name', 'text', (c) => c.notNull())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('park', 'text')
        .addColumn('scale', 'text')
        .addColumn('hazardous_chemicals', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('major_hazard_source', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('principal_name', 'text')
        .addColumn('principal_phone', 'text')
        .addColumn('safety_officer_name', 'text')
        .addColumn('safety_officer_phone', 'text')
        .addColumn('last_inspected_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('enterprises_region').on('enterprises').columns(['region_code', 'id']).execute();
      await db.schema.createIndex('enterprises_name').on('enterprises').columns(['name', 'id']).execute();
      await db.schema.createIndex('enterprises_industry').on('enterprises').columns(['industry_code']).execute();

      await db.schema
        .createTable('enterprise_supervisors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id').onDelete('cascade'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('enterprise_supervisors_pair', ['enterprise_id', 'unit_id'])
        .execute();
      await db.schema.createIndex('enterprise_supervisors_unit').on('enterprise_supervisors').columns(['unit_id']).execute();

      await db.schema
        .createTable('industry_supervision')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('industry_prefix', codeType, (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('industry_supervision_pair', ['industry_prefix', 'unit_id'])
        .execute();

      await db.schema
        .createTable('enterprise_import_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('total_rows', 'integer', (c) => c.notNull())
        .addColumn('imported', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('errors', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('enterprise_import_reports_at').on('enterprise_import_reports').columns(['created_at']).execute();
    },
  };
}
