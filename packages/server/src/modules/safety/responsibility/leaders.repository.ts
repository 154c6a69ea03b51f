import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { regionPrefix } from '@shoutu/domain';
import type { Database } from '../../../db/schema.js';
import type { RegionLeaderTable } from './responsibility.tables.js';

export type LeaderRow = Selectable<RegionLeaderTable>;

/** Leaders of regions; grounded by the region led. */
export class LeadersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(filter: { regionCode?: string }, page: { limit: number; after?: [string, number, string] }) {
    let query = this.db.selectFrom('region_leaders').selectAll();
    if (filter.regionCode !== undefined) {
      const prefix = regionPrefix(filter.regionCode);
      query = query.where('region_code', '>=', prefix).where('region_code', '<', `${prefix}~`);
    }
    if (page.after) {
      const [region, order, id] = page.after;
      query = query.where((eb) => eb(eb.refTuple('region_code', 'sort_order', 'id'), '>', eb.tuple(region, order, id)));
    }
    return query.orderBy('region_code').orderBy('sort_order').orderBy('id').limit(page.limit).execute();
  }

  /** The leaders of exactly these regions (not their subtrees). */
  ofRegions(codes: readonly string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('region_leaders').selectAll().where('region_code', 'in', codes).orderBy('region_code').orderBy('sort_order').orderBy('id').execute();
  }

  byId(id: string) {
    return this.db.selectFrom('region_leaders').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(row: Insertable<RegionLeaderTable>): Promise<void> {
    await this.db.insertInto('region_leaders').values(row).execute();
  }

  async updateVersioned(id: string, version: number, changes: Updateable<RegionLeaderTable>): Promise<number> {
    const result = await this.db.updateTable('region_leaders').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async delete(id: string, version: number): Promise<number> {
    const result = await this.db.deleteFrom('region_leaders').where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
