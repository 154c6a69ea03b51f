import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { chinaDayRange } from '../persons/persons.input.js';
import type { TravelCheckTable } from './travel.tables.js';

/** `travel_checks` is grounded by the region the check was made in. */
export class TravelRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One statement: a group of checks is one INSERT and one commit. */
  async insertMany(rows: readonly Insertable<TravelCheckTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await this.db.insertInto('travel_checks').values(rows.slice(i, i + 500)).execute();
  }

  /**
   * Checks newest first, of a day and a decision when given. The log grows with every gate check,
   * so a page walks `travel_checks_by_time` from its newest end and stops after `limit` rows: the
   * day is read as the range of instants it covers (a check's day is the China day of its instant,
   * both set from one clock reading), the cursor as one row-value range, and the ground's region
   * and the decision are checked on the index entry itself.
   */
  list(filter: { day?: string; decision?: string; limit: number; after: [string, string] | null }) {
    let query = this.db
      .selectFrom('travel_checks')
      .select(['id', 'region_code', 'checkpoint_id', 'destination', 'travel_date', 'check_day', 'decision', 'reasons', 'checked_by', 'device_token_id', 'checked_at'])
      .orderBy('checked_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit);
    if (filter.day) {
      const { createdFrom, createdTo } = chinaDayRange(filter.day);
      query = query.where('checked_at', '>=', createdFrom).where('checked_at', '<', createdTo);
    }
    if (filter.decision) query = query.where('decision', '=', filter.decision as 'deny');
    if (filter.after) {
      const [at, id] = filter.after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('checked_at', 'id'), '<', tuple(at, id)));
    }
    return query.execute();
  }

  /** Every check counted by day, region and decision: the dashboard counters' rebuild. */
  countsByDayRegion() {
    return this.db
      .selectFrom('travel_checks')
      .select((eb) => ['check_day', 'region_code', 'decision', eb.fn.countAll<number>().as('n')])
      .groupBy(['check_day', 'region_code', 'decision'])
      .execute();
  }

  countsByDay(from: string, to: string) {
    return this.db
      .selectFrom('travel_checks')
      .select((eb) => ['check_day', 'decision', eb.fn.countAll<number>().as('n')])
      .where('check_day', '>=', from)
      .where('check_day', '<=', to)
      .groupBy(['check_day', 'decision'])
      .orderBy('check_day')
      .execute();
  }
}
