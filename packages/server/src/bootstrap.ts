import type { Config } from './config.js';
import { openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './demo/seed-demo.js';
import { AuditService } from './modules/audit/audit.service.js';
import { importCityRegions } from './modules/regions/regions.import.js';
import type { Clock } from './clock.js';

export const DEFAULT_CITY = '3207';

/** Opens and migrates the database; in demo mode also loads Lianyungang's regions and the demo data once. */
export async function bootstrap(config: Config, clock: Clock): Promise<{ db: Db; seeded: string[] }> {
  const db = openDatabase(config.databaseUrl);
  await migrateToLatest(db);
  let seeded: string[] = [];
  if (config.demo) {
    const audit = new AuditService(db.dialect);
    await importCityRegions(db, audit, DEFAULT_CITY, clock.now(), { onlyIfEmpty: true });
    seeded = (await seedDemo(db.kysely, audit, config.demoPassword, clock.now())).created;
  }
  return { db, seeded };
}
