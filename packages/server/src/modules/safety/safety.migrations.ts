import type { Migration } from 'kysely';
import type { Dialect } from '../../db/database.js';

/** Migrations of the safety capability, named '<NNNN>-safety-<what>' so they sort after the foundation's. */
export function safetyMigrations(_dialect: Dialect): Record<string, Migration> {
  return {};
}
