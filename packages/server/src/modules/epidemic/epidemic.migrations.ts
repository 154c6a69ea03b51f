import type { Migration } from 'kysely';
import type { Dialect } from '../../db/database.js';

/** Migrations of the epidemic capability, named '<NNNN>-epidemic-<what>' so they sort after the foundation's. */
export function epidemicMigrations(_dialect: Dialect): Record<string, Migration> {
  return {};
}
