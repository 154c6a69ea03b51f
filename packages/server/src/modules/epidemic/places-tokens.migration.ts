import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../db/database.js';

/**
 * Named places as risk areas and in itineraries, API tokens of gate devices, and the dashboard
 * counters read by grid first.
 */
export function placesTokensMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // A grid worker's dashboard reads its own grids' cells, not the whole city's of the same days
      // (decision 0017: after the fold a grid holds a few cells per series, so the city reads stay small too).
      await db.schema.dropIndex('epidemic_counters_series_day').execute();
      await db.schema.createIndex('epidemic_counters_series_region').on('epidemic_counters').columns(['series', 'region_code', 'day']).execute();

      // A building, a market or another named place inside a community (decision 0025).
      await db.schema
        .createTable('named_places')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('named_places_once', ['region_code', 'name'])
        .execute();

      await db.schema.alterTable('area_risk_levels').addColumn('place_id', 'text', (c) => c.references('named_places.id')).execute();
      await db.schema.createIndex('area_risk_levels_place').on('area_risk_levels').columns(['place_id', 'effective_from']).execute();

      // Where an arrival was in the days before: a region or a named place, with its level that day.
      await db.schema
        .createTable('arrival_itinerary')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('arrival_id', 'text', (c) => c.notNull().references('arrivals.id'))
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('id_number_hash', 'text', (c) => c.notNull())
        .addColumn('visit_region_code', codeType)
        .addColumn('place_id', 'text', (c) => c.references('named_places.id'))
        .addColumn('text_enc', 'text', (c) => c.notNull())
        .addColumn('visit_date', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('arrival_itinerary_hash_date').on('arrival_itinerary').columns(['id_number_hash', 'visit_date']).execute();
      await db.schema.createIndex('arrival_itinerary_arrival').on('arrival_itinerary').column('arrival_id').execute();

      // Gate devices call the travel check with a token bound to one checkpoint (decision 0025).
      await db.schema
        .createTable('checkpoint_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_by', 'text')
        .execute();
      await db.schema.createIndex('checkpoint_tokens_checkpoint').on('checkpoint_tokens').columns(['checkpoint_id', 'created_at']).execute();
      await db.schema.alterTable('travel_checks').addColumn('device_token_id', 'text').execute();
    },
  };
}
