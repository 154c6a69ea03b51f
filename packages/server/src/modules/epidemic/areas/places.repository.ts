import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { NamedPlaceTable } from './areas.tables.js';

/** `named_places` is grounded by the community that holds the place. */
export class PlacesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(rows: readonly Insertable<NamedPlaceTable>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('named_places').values([...rows]).execute();
  }

  byId(id: string) {
    return this.db.selectFrom('named_places').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byIds(ids: readonly string[]) {
    const unique = [...new Set(ids)];
    return unique.length === 0 ? [] : this.db.selectFrom('named_places').selectAll().where('id', 'in', unique).execute();
  }

  byName(regionCode: string, name: string) {
    return this.db.selectFrom('named_places').selectAll().where('region_code', '=', regionCode).where('name', '=', name).executeTakeFirst();
  }

  /** Places in a region subtree, by name; `q` narrows to names containing it. */
  list(filter: { prefix?: string; q?: string; limit: number }) {
    let query = this.db.selectFrom('named_places').selectAll().orderBy('region_code').orderBy('name').limit(filter.limit);
    if (filter.prefix) query = query.where('region_code', '>=', filter.prefix).where('region_code', '<', `${filter.prefix}~`);
    if (filter.q) query = query.where('name', 'like', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return query.execute();
  }
}
