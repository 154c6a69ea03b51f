import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import { foundationMigration } from './migrations/0001-foundation.js';

/** One migration set for both engines; a migration that must differ asks for the dialect. */
function migrationsFor(db: Db): Record<string, Migration> {
  return {
    '0001-foundation': foundationMigration(db.dialect),
  };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(db) };
  const migrator = new Migrator({ db: db.kysely, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
