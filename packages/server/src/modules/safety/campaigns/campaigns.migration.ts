import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/**
 * '0007-safety-campaigns': special rectification campaigns, and the campaign an inspection or a
 * hazard belongs to (nullable: most belong to none).
 */
export function campaignsMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('campaigns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('template_code', 'text', (c) => c.notNull())
        .addColumn('scope_industries', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('scope_regions', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('scope_enterprise_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('target_inspected_pct', 'integer')
        .addColumn('target_closed_pct', 'integer')
        .addColumn('unit_id', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('campaigns_region').on('campaigns').columns(['region_code', 'starts_on', 'id']).execute();

      // Progress reads a campaign's inspections per enterprise and its hazards per region.
      await db.schema.alterTable('inspections').addColumn('campaign_id', 'text', (c) => c.references('campaigns.id')).execute();
      await db.schema.createIndex('inspections_campaign').on('inspections').columns(['campaign_id', 'enterprise_id', 'kind']).execute();
      await db.schema.alterTable('hazards').addColumn('campaign_id', 'text', (c) => c.references('campaigns.id')).execute();
      await db.schema.createIndex('hazards_campaign').on('hazards').columns(['campaign_id', 'region_code', 'status']).execute();
    },
  };
}
