import type { RetentionCutoff } from '@shoutu/domain';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { DestructionRecordTable } from './retention.tables.js';

/** Rows per `in (…)` list: well under both engines' parameter limits. */
const CHUNK = 500;

type Deleted = Record<string, number>;

/**
 * The queries of the retention job: which records are due and their deletion, table by table,
 * dependants first. Always on the unscoped handle: retention acts for the whole installation.
 */
export class RetentionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Released persons past the period (everyone, once the epidemic is over), in id order. A person
   * linked by an exposure to someone still kept stays until that person is due too: a chain of
   * transmission is destroyed whole, not cut while it is still followed.
   */
  async duePersons(cutoff: RetentionCutoff, limit: number): Promise<string[]> {
    let query = this.db.selectFrom('persons').select('persons.id').orderBy('persons.id').limit(limit);
    if (!cutoff.epidemicOver) {
      const { before } = cutoff;
      query = query
        .where('persons.status', '=', 'released')
        .where('persons.released_at', '<', before)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('exposures as e')
                .innerJoin('persons as o', 'o.id', 'e.target_person_id')
                .select('e.id')
                .whereRef('e.source_person_id', '=', 'persons.id')
                .where((w) => w.or([w('o.status', '!=', 'released'), w('o.released_at', 'is', null), w('o.released_at', '>=', before)])),
            ),
          ),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('exposures as e')
                .innerJoin('persons as o', 'o.id', 'e.source_person_id')
                .select('e.id')
                .whereRef('e.target_person_id', '=', 'persons.id')
                .where((w) => w.or([w('o.status', '!=', 'released'), w('o.released_at', 'is', null), w('o.released_at', '>=', before)])),
            ),
          ),
        );
    }
    return (await query.execute()).map((row) => row.id);
  }

  /** What the dashboard counters hold of these persons (their rows; plans are read apart). */
  personRows(ids: readonly string[]) {
    return this.db.selectFrom('persons').select(['id', 'region_code', 'category', 'status', 'created_at', 'report_date']).where('id', 'in', ids).execute();
  }

  /** Deletes the persons and everything that hangs on them; rows removed per table. */
  async destroyPersons(ids: readonly string[]): Promise<Deleted> {
    const deleted: Deleted = {};
    const count = (table: string, n: bigint | number) => (deleted[table] = (deleted[table] ?? 0) + Number(n));
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const arrivals = (await this.db.selectFrom('arrivals').select('id').where('person_id', 'in', chunk).execute()).map((row) => row.id);
      if (arrivals.length > 0) count('arrival_itinerary', (await this.db.deleteFrom('arrival_itinerary').where('arrival_id', 'in', arrivals).executeTakeFirst()).numDeletedRows);
      count('alerts', (await this.db.deleteFrom('alerts').where((eb) => eb.or([eb('person_id', 'in', chunk), ...(arrivals.length ? [eb('arrival_id', 'in', arrivals)] : [])])).executeTakeFirst()).numDeletedRows);
      count('arrivals', (await this.db.deleteFrom('arrivals').where('person_id', 'in', chunk).executeTakeFirst()).numDeletedRows);
      count('exposures', (await this.db.deleteFrom('exposures').where((eb) => eb.or([eb('source_person_id', 'in', chunk), eb('target_person_id', 'in', chunk)])).executeTakeFirst()).numDeletedRows);
      count('followups', (await this.db.deleteFrom('followups').where('person_id', 'in', chunk).executeTakeFirst()).numDeletedRows);
      count('person_category_history', (await this.db.deleteFrom('person_category_history').where('person_id', 'in', chunk).executeTakeFirst()).numDeletedRows);
      count('person_measure_plans', (await this.db.deleteFrom('person_measure_plans').where('person_id', 'in', chunk).executeTakeFirst()).numDeletedRows);
      count('person_keys', (await this.db.deleteFrom('person_keys').where('person_id', 'in', chunk).executeTakeFirst()).numDeletedRows);
      count('persons', (await this.db.deleteFrom('persons').where('id', 'in', chunk).executeTakeFirst()).numDeletedRows);
    }
    return deleted;
  }

  /** Arrivals of nobody under management (an unlisted traveller from a low-risk area) past the period. */
  async dueArrivals(cutoff: RetentionCutoff, limit: number): Promise<string[]> {
    let query = this.db.selectFrom('arrivals').select('id').where('person_id', 'is', null).orderBy('id').limit(limit);
    if (!cutoff.epidemicOver) query = query.where('created_at', '<', cutoff.before);
    return (await query.execute()).map((row) => row.id);
  }

  async destroyArrivals(ids: readonly string[]): Promise<Deleted> {
    const itinerary = await this.db.deleteFrom('arrival_itinerary').where('arrival_id', 'in', ids).executeTakeFirst();
    const alerts = await this.db.deleteFrom('alerts').where('arrival_id', 'in', ids).executeTakeFirst();
    const arrivals = await this.db.deleteFrom('arrivals').where('id', 'in', ids).executeTakeFirst();
    return { arrival_itinerary: Number(itinerary.numDeletedRows), alerts: Number(alerts.numDeletedRows), arrivals: Number(arrivals.numDeletedRows) };
  }

  /** Travel checks past the period, with what the dashboard counted of each. */
  dueTravelChecks(cutoff: RetentionCutoff, limit: number) {
    let query = this.db.selectFrom('travel_checks').select(['id', 'check_day', 'region_code', 'decision']).orderBy('id').limit(limit);
    if (!cutoff.epidemicOver) query = query.where('checked_at', '<', cutoff.before);
    return query.execute();
  }

  async destroyTravelChecks(ids: readonly string[]): Promise<Deleted> {
    return { travel_checks: Number((await this.db.deleteFrom('travel_checks').where('id', 'in', ids).executeTakeFirst()).numDeletedRows) };
  }

  async record(row: Insertable<DestructionRecordTable>): Promise<void> {
    await this.db.insertInto('destruction_records').values(row).execute();
  }

  records() {
    return this.db.selectFrom('destruction_records').selectAll().orderBy('at').orderBy('id').execute();
  }
}
