import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ArrivalItineraryTable, ArrivalTable, CheckpointTable } from './checkpoints.tables.js';

const ORIGIN_COLUMNS = ['origin_region_code', 'origin_level', 'origin_local_infection', 'arrival_date'] as const;

/** `checkpoints` and `arrivals` are grounded: a checkpoint by its place, an arrival by the destination grid. */
export class CheckpointsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list() {
    return this.db.selectFrom('checkpoints').selectAll().orderBy('region_code').orderBy('name').execute();
  }

  byId(id: string) {
    return this.db.selectFrom('checkpoints').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertCheckpoints(rows: readonly Insertable<CheckpointTable>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('checkpoints').values([...rows]).execute();
  }

  async insertArrivals(rows: readonly Insertable<ArrivalTable>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('arrivals').values([...rows]).execute();
  }

  arrivals(checkpointId: string, limit: number, after: [string, string] | null) {
    let query = this.db.selectFrom('arrivals').selectAll().where('checkpoint_id', '=', checkpointId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit);
    if (after) {
      const [createdAt, id] = after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), '<', tuple(createdAt, id)));
    }
    return query.execute();
  }

  async insertItinerary(rows: readonly Insertable<ArrivalItineraryTable>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('arrival_itinerary').values([...rows]).execute();
  }

  async itineraryOf(arrivalIds: readonly string[]) {
    if (arrivalIds.length === 0) return [];
    return this.db.selectFrom('arrival_itinerary').selectAll().where('arrival_id', 'in', [...arrivalIds]).orderBy('visit_date').orderBy('id').execute();
  }

  /** The places the holder of an ID number was at in a period, by their arrivals' itineraries. */
  recentItinerary(idNumberHash: string, from: string, to: string) {
    return this.db.selectFrom('arrival_itinerary').select(['visit_region_code', 'level', 'visit_date']).where('id_number_hash', '=', idNumberHash).where('visit_date', '>=', from).where('visit_date', '<=', to).execute();
  }

  /** Where the holder of an ID number came from in a period: one indexed range read by the keyed hash. */
  recentOrigins(idNumberHash: string, from: string, to: string) {
    return this.db.selectFrom('arrivals').select(ORIGIN_COLUMNS).where('id_number_hash', '=', idNumberHash).where('arrival_date', '>=', from).where('arrival_date', '<=', to).execute();
  }
}
