import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, UnitTable } from '../../db/schema.js';

/** `units` is grounded by `region_code`: a district officer sees the city's and no other district's. */
export class UnitsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(options: { limit: number; after?: [string, string] }) {
    let query = this.db.selectFrom('units').selectAll().orderBy('name').orderBy('id').limit(options.limit);
    if (options.after) {
      const [name, id] = options.after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('name', 'id'), '>', tuple(name, id)));
    }
    return query.execute();
  }

  byId(id: string) {
    return this.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: Insertable<UnitTable>) {
    await this.db.insertInto('units').values(row).execute();
  }

  async updateVersioned(id: string, version: number, changes: Updateable<UnitTable>): Promise<number> {
    const result = await this.db.updateTable('units').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
