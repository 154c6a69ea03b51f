import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { TravelCheckTable } from './travel.tables.js';

/** `travel_checks` is grounded by the region the check was made in. */
export class TravelRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One statement: a group of checks is one INSERT and one commit. */
  async insertMany(rows: readonly Insertable<TravelCheckTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await this.db.insertInto('travel_checks').values(rows.slice(i, i + 500)).execute();
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
