import type { Kysely, Migration } from 'kysely';

const INDEXES: Array<[name: string, table: string, columns: string[]]> = [
  ['inspections_by_time', 'inspections', ['inspected_at', 'id', 'region_code']],
  ['inspections_kind_by_time', 'inspections', ['kind', 'inspected_at', 'id', 'region_code']],
  ['inspections_campaign_by_time', 'inspections', ['campaign_id', 'inspected_at', 'id', 'region_code']],
  ['enforcement_cases_by_time', 'enforcement_cases', ['created_at', 'id', 'region_code']],
  ['enforcement_cases_status_by_time', 'enforcement_cases', ['status', 'created_at', 'id', 'region_code']],
];

/**
 * '0016-safety-list-order-indexes': the inspection and enforcement lists are read newest first,
 * unfiltered or under one filter, as the hazard list is (0012). Without an index that starts with
 * the filter and continues in list order, a city-wide page sorted every inspection of the ground
 * to return 50. Each ends with the region, so a district's walk passes over other grounds'
 * entries without reading their rows.
 */
export function listOrderIndexesMigration(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
    },
  };
}
