import type { Kysely, RawBuilder } from 'kysely';

/** Inspections and their item results; part of '0003-safety-hazards'. */
export async function createInspectionTables(db: Kysely<any>, codeType: RawBuilder<unknown>): Promise<void> {
  await db.schema
    .createTable('inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', codeType, (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('template_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('inspected_at', 'text', (c) => c.notNull())
    .addColumn('inspector_id', 'text')
    .addColumn('inspector_name', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('note', 'text')
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspections_region').on('inspections').columns(['region_code', 'inspected_at', 'id']).execute();
  await db.schema.createIndex('inspections_enterprise').on('inspections').columns(['enterprise_id', 'inspected_at', 'id']).execute();

  await db.schema
    .createTable('inspection_items')
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('region_code', codeType, (c) => c.notNull())
    .addColumn('item_text', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('hazard_id', 'text')
    .addPrimaryKeyConstraint('inspection_items_pk', ['inspection_id', 'number'])
    .execute();
}
