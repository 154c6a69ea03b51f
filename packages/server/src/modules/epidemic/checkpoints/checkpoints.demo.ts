import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import { AlertsService } from '../followups/alerts.service.js';
import type { PersonsDirectory } from '../persons/persons.directory.js';
import { CheckpointsRepository } from './checkpoints.repository.js';
import type { CheckpointKind } from './checkpoints.tables.js';

/** The city's key places, labelled 演示 so nobody takes them for the real list. */
const DEMO_CHECKPOINTS: Array<{ name: string; kind: CheckpointKind; regionCode: string }> = [
  { name: '连云港站（演示）', kind: 'station', regionCode: '320706' },
  { name: '连云港花果山机场（演示）', kind: 'airport', regionCode: '320723' },
  { name: '连云港港（演示）', kind: 'port', regionCode: '320703' },
  { name: '沈海高速连云港出口（演示）', kind: 'highway_exit', regionCode: '320706' },
];

/**
 * The demo checkpoints, and at the railway station the arrivals of the demo persons who came from
 * a key area, each with its alert to the grid. Runs inside the demo seed's transaction.
 */
export async function seedDemoCheckpoints(db: Kysely<Database>, crypto: FieldCrypto, directory: PersonsDirectory, alerts: AlertsService, now: Date): Promise<number> {
  const at = now.toISOString();
  const rows = DEMO_CHECKPOINTS.map((c) => ({ id: randomUUID(), region_code: c.regionCode, name: c.name, kind: c.kind, is_demo: 1, created_at: at, updated_at: at, version: 1 }));
  const repo = new CheckpointsRepository(db);
  await repo.insertCheckpoints(rows);
  const station = rows[0]!;
  const arrivals = (await directory.demoPersons(db)).filter((p) => p.category === 'arrival_key_area' && p.arrivalDate !== null);
  for (const person of arrivals) {
    const arrivalId = randomUUID();
    await repo.insertArrivals([
      {
        id: arrivalId,
        region_code: person.gridCode,
        checkpoint_id: station.id,
        person_id: person.id,
        id_number_hash: person.idNumberHash,
        origin_region_code: '310115',
        origin_text_enc: crypto.encrypt('上海市浦东新区（演示）', 'arrivals.origin_text'),
        origin_level: 'medium',
        origin_local_infection: 1,
        arrival_date: person.arrivalDate!,
        transport: 'train',
        trip_enc: crypto.encrypt('G7001', 'arrivals.trip'),
        recorded_by: null,
        is_demo: 1,
        created_at: at,
      },
    ]);
    await alerts.raiseIn(
      db,
      { gridCode: person.gridCode, kind: 'key_area_arrival', personId: person.id, arrivalId, isDemo: true, detail: { checkpoint: station.name, originText: '上海市浦东新区（演示）', originLevel: 'medium', arrivalDate: person.arrivalDate, transport: 'train', listedElsewhere: false, category: person.category } },
      at,
    );
  }
  return rows.length;
}
