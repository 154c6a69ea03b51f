import type { Migration } from 'kysely';
import type { Dialect } from '../../db/database.js';
import { dashboardMigration } from './dashboard/dashboard.migration.js';
import { personsMigration } from './persons/persons.migration.js';
import { placesTokensMigration } from './places-tokens.migration.js';
import { retentionMigration } from './retention/retention.migration.js';
import { tracingMigration } from './tracing/tracing.migration.js';
import { travelLogOrderMigration } from './travel/travel.log-order.migration.js';

/** Migrations of the epidemic capability, named '<NNNN>-epidemic-<what>' so they sort after the foundation's. */
export function epidemicMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0002-epidemic-persons': personsMigration(dialect),
    '0003-epidemic-tracing': tracingMigration(dialect),
    '0006-epidemic-retention': retentionMigration(dialect),
    '0004-epidemic-dashboard-counters': dashboardMigration(dialect),
    '0005-epidemic-places-tokens': placesTokensMigration(dialect),
    '0018-epidemic-travel-log-order': travelLogOrderMigration(),
  };
}
