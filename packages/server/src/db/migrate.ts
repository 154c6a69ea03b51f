import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import { foundationMigration } from './migrations/0001-foundation.js';
import { epidemicMigrations } from '../modules/epidemic/epidemic.migrations.js';
import { safetyMigrations } from '../modules/safety/safety.migrations.js';
import { exportsMigrations } from '../modules/exports/exports.migrations.js';

/**
 * One migration set for both engines; a migration that must differ asks for the dialect. Each
 * capability brings its own, named so that Kysely's alphabetical order is the order to apply them.
 */
function migrationsFor(db: Db): Record<string, Migration> {
  return {
    '0001-foundation': foundationMigration(db.dialect),
    ...safetyMigrations(db.dialect),
    ...epidemicMigrations(db.dialect),
    ...exportsMigrations(db.dialect),
  };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(db) };
  // Capabilities add migrations independently; a new one may sort before another's already applied.
  const migrator = new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
