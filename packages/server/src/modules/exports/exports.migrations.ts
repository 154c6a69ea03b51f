import type { Migration } from 'kysely';
import type { Dialect } from '../../db/database.js';
import { exportsMigration } from './exports.migration.js';

/** Migrations of the exports module (a platform service, not a capability). */
export function exportsMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0002-exports': exportsMigration(dialect),
  };
}
