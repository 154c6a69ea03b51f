import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/**
 * '0013-safety-hazard-counts': the hazard overview from maintained counters (decision 0029).
 * `hazard_counts` holds the open hazards per community, grade and "counted overdue"; each hazard
 * says whether it is counted overdue and, while open and not yet counted, its deadline in
 * `open_deadline`, so the few that passed their deadline since the last marking are one short
 * index range. Filled from the hazards already there.
 */
export function hazardCountsMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('hazards').addColumn('counted_overdue', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('hazards').addColumn('open_deadline', 'text').execute();
      await sql`update hazards set open_deadline = deadline where status <> 'closed'`.execute(db);
      await db.schema.createIndex('hazards_open_deadline').on('hazards').columns(['open_deadline']).execute();
      await db.schema
        .createTable('hazard_counts')
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('overdue', 'integer', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('hazard_counts_pk', ['region_code', 'grade', 'overdue'])
        .execute();
      await sql`insert into hazard_counts (region_code, grade, overdue, n)
        select region_code, grade, 0, count(*) from hazards where status <> 'closed' group by region_code, grade`.execute(db);
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('hazard_counts').execute();
      await db.schema.dropIndex('hazards_open_deadline').execute();
      await db.schema.alterTable('hazards').dropColumn('open_deadline').execute();
      await db.schema.alterTable('hazards').dropColumn('counted_overdue').execute();
    },
  };
}
