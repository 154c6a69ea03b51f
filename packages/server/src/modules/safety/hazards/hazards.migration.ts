import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';
import { createInspectionTables } from '../inspections/inspections.migration.js';
import { createRiskTables } from '../risks/risks.migration.js';

/**
 * '0003-safety-hazards': risk graded control, inspections and hidden-hazard governance. Region
 * codes compare bytewise (ground scope selects a subtree as a range of codes).
 */
export function hazardsMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await createRiskTables(db, codeType);
      await createInspectionTables(db, codeType);

      await db.schema
        .createTable('hazards')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
        .addColumn('inspection_id', 'text', (c) => c.references('inspections.id'))
        .addColumn('inspection_item_number', 'integer')
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('photos', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('responsible_unit', 'text')
        .addColumn('responsible_person', 'text')
        .addColumn('deadline', 'text')
        .addColumn('original_deadline', 'text')
        .addColumn('pending_extension', 'text')
        .addColumn('governance_plan', 'text')
        .addColumn('rectification', 'text')
        .addColumn('acceptance', 'text')
        .addColumn('listed_by_unit_id', 'text')
        .addColumn('listed_by_unit_name', 'text')
        .addColumn('listed_at', 'text')
        .addColumn('listing_publication_due_at', 'text')
        .addColumn('delisting_publication_due_at', 'text')
        .addColumn('escalation_level', 'text')
        .addColumn('escalated_at', 'text')
        .addColumn('found_at', 'text', (c) => c.notNull())
        .addColumn('found_by', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Lists page newest first within a region or an enterprise; the overview counts open,
      // overdue and major per child region from (region_code, status, grade, deadline) alone;
      // the escalation finds open hazards past their deadline by (status, deadline).
      await db.schema.createIndex('hazards_region_found').on('hazards').columns(['region_code', 'found_at', 'id']).execute();
      await db.schema.createIndex('hazards_enterprise_found').on('hazards').columns(['enterprise_id', 'found_at', 'id']).execute();
      await db.schema.createIndex('hazards_region_status').on('hazards').columns(['region_code', 'status', 'grade', 'deadline']).execute();
      await db.schema.createIndex('hazards_status_deadline').on('hazards').columns(['status', 'deadline']).execute();

      await db.schema
        .createTable('hazard_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazards.id'))
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text')
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        // One event per version: two writers of the same version cannot both succeed.
        .addUniqueConstraint('hazard_events_version', ['hazard_id', 'version'])
        .execute();
    },
  };
}
