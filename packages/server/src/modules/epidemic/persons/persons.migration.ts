import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/**
 * Persons, their category history and their measure plans. History and plans carry no region of
 * their own: they are only ever read joined to `persons`, whose ground scope then applies.
 */
export function personsMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('persons')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('name_enc', 'text', (c) => c.notNull())
        .addColumn('id_number_enc', 'text', (c) => c.notNull())
        .addColumn('id_number_hash', 'text', (c) => c.notNull().unique())
        .addColumn('phone_enc', 'text', (c) => c.notNull())
        .addColumn('phone_hash', 'text', (c) => c.notNull())
        .addColumn('address_enc', 'text')
        .addColumn('sex', 'text', (c) => c.notNull())
        .addColumn('birth_year', 'integer', (c) => c.notNull())
        .addColumn('grid_worker_id', 'text', (c) => c.references('users.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('onset_date', 'text')
        .addColumn('last_exposure_date', 'text')
        .addColumn('sample_date', 'text')
        .addColumn('report_date', 'text')
        .addColumn('arrival_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('managed'))
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Lists sort newest first inside a ground (a range of region codes) or by category.
      await db.schema.createIndex('persons_region_created').on('persons').columns(['region_code', 'created_at', 'id']).execute();
      await db.schema.createIndex('persons_created').on('persons').columns(['created_at', 'id']).execute();
      await db.schema.createIndex('persons_category_created').on('persons').columns(['category', 'created_at', 'id']).execute();
      await db.schema.createIndex('persons_phone_hash').on('persons').column('phone_hash').execute();

      await db.schema
        .createTable('person_category_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('from_category', 'text')
        .addColumn('changed_by', 'text')
        .addColumn('reason', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('person_category_history_person').on('person_category_history').columns(['person_id', 'at']).execute();

      await db.schema
        .createTable('person_measure_plans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('edition', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addColumn('superseded_at', 'text')
        .execute();
      await db.schema.createIndex('person_measure_plans_person').on('person_measure_plans').columns(['person_id', 'computed_at']).execute();
    },
  };
}
