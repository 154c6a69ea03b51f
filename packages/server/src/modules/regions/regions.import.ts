import type { Db } from '../../db/database.js';
import type { AuditService } from '../audit/audit.service.js';
import { cityRegionRows } from './regions.source.js';
import { RegionsRepository } from './regions.repository.js';

/** Loads (or refreshes) one city's region tree in one transaction, with its audit row. */
export async function importCityRegions(db: Db, audit: AuditService, city: string, now: Date, options: { onlyIfEmpty?: boolean } = {}): Promise<number> {
  const repo = new RegionsRepository(db.kysely);
  if (options.onlyIfEmpty && (await repo.countUnder(city)) > 0) return 0;
  const rows = cityRegionRows(city);
  await db.kysely.transaction().execute(async (trx) => {
    await new RegionsRepository(trx).upsertMany(rows);
    await audit.record(trx, { actor: null, ip: null, now: () => now }, { action: 'regions.import', actorUsername: 'system', objectType: 'city', objectId: city, detail: { regions: rows.length } });
  });
  return rows.length;
}
