import type { Insertable, Kysely, Updateable } from 'kysely';
import { regionPrefix } from '@shoutu/domain';
import type { Database } from '../../../db/schema.js';
import type { AccidentTargetTable } from './accidents.tables.js';

/** Yearly accident and death targets; grounded by `region_code`. */
export class AccidentTargetsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(filter: { year?: number; regionCode?: string }) {
    let query = this.db.selectFrom('accident_targets').selectAll().orderBy('year', 'desc').orderBy('region_code').orderBy('industry_code');
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    if (filter.regionCode !== undefined) {
      const prefix = regionPrefix(filter.regionCode);
      query = query.where('region_code', '>=', prefix).where('region_code', '<', `${prefix}~`);
    }
    return query.execute();
  }

  byId(id: string) {
    return this.db.selectFrom('accident_targets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The targets of these regions for a year and an industry ('' for all industries). */
  forRegions(year: number, regionCodes: readonly string[], industryCode: string) {
    if (regionCodes.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('accident_targets').selectAll().where('year', '=', year).where('industry_code', '=', industryCode).where('region_code', 'in', regionCodes).execute();
  }

  /** False when the region already has a target for that year and industry. */
  async insertNew(row: Insertable<AccidentTargetTable>): Promise<boolean> {
    const inserted = await this.db
      .insertInto('accident_targets')
      .values(row)
      .onConflict((oc) => oc.columns(['region_code', 'year', 'industry_code']).doNothing())
      .returning('id')
      .execute();
    return inserted.length > 0;
  }

  async updateVersioned(id: string, version: number, changes: Updateable<AccidentTargetTable>): Promise<number> {
    const result = await this.db.updateTable('accident_targets').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
