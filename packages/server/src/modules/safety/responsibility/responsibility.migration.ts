import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/** Duty-list templates and lists, yearly responsibility letters, and the leaders of each region. */
export function responsibilityMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('duty_templates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('post', 'text', (c) => c.notNull())
        .addColumn('principle', 'text', (c) => c.notNull())
        .addColumn('unit_kinds', 'text', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('shipped', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();

      await db.schema
        .createTable('duty_lists')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('unit_kind', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text')
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('post', 'text', (c) => c.notNull())
        .addColumn('principle', 'text', (c) => c.notNull())
        .addColumn('template_id', 'text')
        .addColumn('items', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        // One list per post of a unit.
        .addUniqueConstraint('duty_lists_unit_post', ['region_code', 'unit_kind', 'unit_name', 'post'])
        .execute();
      await db.schema.createIndex('duty_lists_region').on('duty_lists').columns(['region_code', 'unit_name', 'id']).execute();

      await db.schema
        .createTable('responsibility_letters')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('unit_kind', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text')
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('signed_on', 'text')
        .addColumn('signer_name', 'text')
        .addColumn('returned_reason', 'text')
        .addColumn('status_changed_at', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        // One letter a year per unit.
        .addUniqueConstraint('responsibility_letters_unit_year', ['year', 'region_code', 'unit_kind', 'unit_name'])
        .execute();
      await db.schema.createIndex('responsibility_letters_region_year').on('responsibility_letters').columns(['region_code', 'year', 'status']).execute();

      await db.schema
        .createTable('region_leaders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('post_kind', 'text', (c) => c.notNull())
        .addColumn('post_title', 'text', (c) => c.notNull())
        .addColumn('leader_name', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('region_leaders_region').on('region_leaders').columns(['region_code', 'sort_order', 'id']).execute();
    },
  };
}
