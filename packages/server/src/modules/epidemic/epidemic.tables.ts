import type { AreasTables } from './areas/areas.tables.js';
import type { CheckpointsTables } from './checkpoints/checkpoints.tables.js';
import type { DashboardTables } from './dashboard/dashboard.tables.js';
import type { FollowupsTables } from './followups/followups.tables.js';
import type { PersonsTables } from './persons/persons.tables.js';
import type { RetentionTables } from './retention/retention.tables.js';
import type { TracingTables } from './tracing/tracing.tables.js';
import type { TravelTables } from './travel/travel.tables.js';

/** Tables of the epidemic capability; each grounded one is listed in EPIDEMIC_GROUNDED_TABLES. */
export interface EpidemicTables extends PersonsTables, TracingTables, FollowupsTables, CheckpointsTables, TravelTables, AreasTables, RetentionTables, DashboardTables {}

/** Grounded tables of this capability and the column that places each row in the region tree. */
export const EPIDEMIC_GROUNDED_TABLES: Readonly<Record<string, string>> = {
  persons: 'region_code',
  exposures: 'region_code',
  followups: 'region_code',
  alerts: 'region_code',
  checkpoints: 'region_code',
  arrivals: 'region_code',
  travel_checks: 'region_code',
  area_risk_levels: 'region_code',
  epidemic_counters: 'region_code',
  named_places: 'region_code',
  arrival_itinerary: 'region_code',
  checkpoint_tokens: 'region_code',
};
