import type { Kysely, RawBuilder } from 'kysely';

/** Risk points, their assessment history and the risk bands; part of '0003-safety-hazards'. */
export async function createRiskTables(db: Kysely<any>, codeType: RawBuilder<unknown>): Promise<void> {
  await db.schema
    .createTable('risk_points')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', codeType, (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('hazard_factors', 'text', (c) => c.notNull())
    .addColumn('accident_types', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('control_measures', 'text', (c) => c.notNull())
    .addColumn('responsible_person', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('thresholds_source', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The four-colour overview counts by (region, level) and ranks enterprises from this index
  // alone: it covers every column those queries read, retired_at included to leave retired points out.
  await db.schema.createIndex('risk_points_region_level').on('risk_points').columns(['region_code', 'level', 'retired_at', 'enterprise_id']).execute();
  await db.schema.createIndex('risk_points_enterprise').on('risk_points').columns(['enterprise_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('risk_points_region_created').on('risk_points').columns(['region_code', 'created_at', 'id']).execute();

  await db.schema
    .createTable('risk_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('risk_point_id', 'text', (c) => c.notNull().references('risk_points.id'))
    .addColumn('region_code', codeType, (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('assessed_by', 'text')
    .addColumn('assessed_by_name', 'text')
    .execute();
  await db.schema.createIndex('risk_assessments_point').on('risk_assessments').columns(['risk_point_id', 'assessed_at']).execute();

  await db.schema
    .createTable('risk_thresholds')
    .addColumn('region_code', codeType, (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('lec_red', 'double precision', (c) => c.notNull())
    .addColumn('lec_orange', 'double precision', (c) => c.notNull())
    .addColumn('lec_yellow', 'double precision', (c) => c.notNull())
    .addColumn('ls_red', 'double precision', (c) => c.notNull())
    .addColumn('ls_orange', 'double precision', (c) => c.notNull())
    .addColumn('ls_yellow', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
