import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { INSERT_BATCH, withRecordKey } from './persons.repository.js';

const BRIEF_COLUMNS = [
  'id',
  'region_code',
  'name_enc',
  'category',
  'status',
  'onset_date',
  'sample_date',
  'report_date',
  'last_exposure_date',
  'arrival_date',
  'is_demo',
  'created_at',
  'version',
] as const;

/** The queries behind PersonsDirectory: narrow reads for the other epidemic modules. */
export class PersonsDirectoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async briefs(ids: readonly string[]) {
    const unique = [...new Set(ids)];
    // The chunks are read together: on PostgreSQL they go out on separate connections.
    const reads = [];
    for (let i = 0; i < unique.length; i += INSERT_BATCH) {
      reads.push(this.db.selectFrom('persons').select(BRIEF_COLUMNS).select(withRecordKey).where('id', 'in', unique.slice(i, i + INSERT_BATCH)).execute());
    }
    return (await Promise.all(reads)).flat();
  }

  /** Persons still under management in a region subtree (the whole ground when null). */
  managedIn(regionCode: string | null) {
    let query = this.db.selectFrom('persons').select(BRIEF_COLUMNS).select(withRecordKey).where('status', '=', 'managed');
    if (regionCode !== null) query = query.where('region_code', '>=', regionCode).where('region_code', '<', `${regionCode}~`);
    return query.orderBy('region_code').orderBy('id').execute();
  }

  /** One indexed lookup by the keyed hash of the ID number; nothing decrypted. */
  listing(idNumberHash: string) {
    return this.db.selectFrom('persons').select(['id', 'category', 'status']).where('id_number_hash', '=', idNumberHash).executeTakeFirst();
  }

  /** What the dashboard counters know of each person, a page at a time in id order (for their rebuild). */
  factsPage(afterId: string, limit: number) {
    return this.db.selectFrom('persons').select(['id', 'region_code', 'category', 'status', 'created_at', 'report_date']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  }

  /** The demo persons, for the demo seeds of the other epidemic modules. */
  demoPersons() {
    return this.db.selectFrom('persons').select([...BRIEF_COLUMNS, 'id_number_hash']).select(withRecordKey).where('is_demo', '=', 1).orderBy('region_code').orderBy('id').execute();
  }
}
