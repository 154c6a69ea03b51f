import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { AreaRiskLevelTable } from './areas.tables.js';

/** `area_risk_levels` is grounded by the designated region. */
export class AreasRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(rows: readonly Insertable<AreaRiskLevelTable>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('area_risk_levels').values([...rows]).execute();
  }

  /** Designations in force on a day: [effective_from, effective_to). */
  inForce(date: string, filter: { regionCode?: string; codes?: readonly string[]; under?: string } = {}) {
    let query = this.db
      .selectFrom('area_risk_levels')
      .selectAll()
      .where('effective_from', '<=', date)
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', date)]));
    if (filter.regionCode) query = query.where('region_code', '=', filter.regionCode);
    const { codes, under } = filter;
    if (codes || under) {
      query = query.where((eb) =>
        eb.or([
          ...(codes && codes.length > 0 ? [eb('region_code', 'in', codes)] : []),
          ...(under ? [eb.and([eb('region_code', '>=', under), eb('region_code', '<', `${under}~`)])] : []),
        ]),
      );
    }
    return query.orderBy('region_code').orderBy('effective_from', 'desc').execute();
  }

  latest(regionCode: string) {
    return this.db.selectFrom('area_risk_levels').selectAll().where('region_code', '=', regionCode).orderBy('effective_from', 'desc').limit(1).executeTakeFirst();
  }

  /** Ends the designation in force when a new one starts (one starting the same day is voided). */
  async close(regionCode: string, from: string): Promise<void> {
    await this.db
      .updateTable('area_risk_levels')
      .set({ effective_to: from })
      .where('region_code', '=', regionCode)
      .where('effective_from', '<=', from)
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', from)]))
      .execute();
  }
}
