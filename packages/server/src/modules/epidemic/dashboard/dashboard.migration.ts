import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import { rebuildEpidemicCounters } from './counters.service.js';

/**
 * The dashboard's counter cells, filled from the persons, follow-ups and travel checks already
 * recorded: from here on every write keeps them up to date.
 */
export function dashboardMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('epidemic_counters')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('series', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // Every read is one series over a range of days inside a range of regions.
      await db.schema.createIndex('epidemic_counters_series_day').on('epidemic_counters').columns(['series', 'day', 'region_code']).execute();
      await rebuildEpidemicCounters(db as Kysely<Database>, new Date());
    },
  };
}
