import type { Config } from './config.js';
import { openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { assertDurableDatabase } from './db/self-check.js';
import { refreshPlannerStatistics } from './db/planner-statistics.js';
import { seedDemo } from './demo/seed-demo.js';
import { AuditService } from './modules/audit/audit.service.js';
import { importCityRegions } from './modules/regions/regions.import.js';
import type { Clock } from './clock.js';
import { FieldCrypto } from './privacy/field-crypto.js';
import { loadMasterKey } from './privacy/master-key.js';

export const DEFAULT_CITY = '3207';

/**
 * Opens the database, checks that it keeps committed changes (SECURITY.md row 22) and migrates it;
 * in demo mode also loads Lianyungang's regions and the demo data once.
 */
export async function bootstrap(config: Config, clock: Clock): Promise<{ db: Db; seeded: string[] }> {
  const db = openDatabase(config.databaseUrl);
  try {
    await assertDurableDatabase(db, { allowUnsafe: config.allowUnsafeDb });
  } catch (error) {
    await db.close();
    throw error;
  }
  await migrateToLatest(db);
  let seeded: string[] = [];
  if (config.demo) {
    const audit = new AuditService(db.dialect);
    await importCityRegions(db, audit, DEFAULT_CITY, clock.now(), { onlyIfEmpty: true });
    // The same key the app will load (created on first demo run), so the demo persons decrypt.
    const key = loadMasterKey({ envKey: config.masterKey ?? undefined, keyFile: config.masterKeyFile, createIfMissing: true });
    seeded = (await seedDemo(db.kysely, audit, config.demoPassword, clock.now(), new FieldCrypto(key))).created;
  }
  await refreshPlannerStatistics(db);
  return { db, seeded };
}
