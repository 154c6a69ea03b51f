import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { AreaRiskLevelTable } from './areas.tables.js';

/**
 * `area_risk_levels` is grounded by the designated region (a named place's community). A
 * designation is of a region (`place_id` null) or of a named place; each has its own history.
 */
export type AreaTarget = { regionCode: string; placeId: string | null };
/** `area_risk_levels` is grounded by the designated region. */
export class AreasRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(rows: readonly Insertable<AreaRiskLevelTable>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('area_risk_levels').values([...rows]).execute();
  }

  /** Designations in force on a day: [effective_from, effective_to). */
  inForce(date: string, filter: { regionCode?: string; placeId?: string; regionsOnly?: boolean; codes?: readonly string[]; under?: string } = {}) {
    let query = this.db
      .selectFrom('area_risk_levels')
      .selectAll()
      .where('effective_from', '<=', date)
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', date)]));
    if (filter.regionCode) query = query.where('region_code', '=', filter.regionCode);
    if (filter.placeId) query = query.where('place_id', '=', filter.placeId);
    if (filter.regionsOnly) query = query.where('place_id', 'is', null);
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

  latest(target: AreaTarget) {
    const query = this.db.selectFrom('area_risk_levels').selectAll();
    const own = target.placeId === null ? query.where('region_code', '=', target.regionCode).where('place_id', 'is', null) : query.where('place_id', '=', target.placeId);
    return own.orderBy('effective_from', 'desc').limit(1).executeTakeFirst();
  }

  /** Ends the designation in force when a new one starts (one starting the same day is voided). */
  async close(target: AreaTarget, from: string): Promise<void> {
    const query = this.db
      .updateTable('area_risk_levels')
      .set({ effective_to: from })
      .where('effective_from', '<=', from)
      .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', from)]));
    await (target.placeId === null ? query.where('region_code', '=', target.regionCode).where('place_id', 'is', null) : query.where('place_id', '=', target.placeId)).execute();
  }
}
