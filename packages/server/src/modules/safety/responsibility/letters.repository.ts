import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { regionPrefix, type LetterStatus, type ResponsibilityUnitKind } from '@shoutu/domain';
import type { Database } from '../../../db/schema.js';
import type { ResponsibilityLetterTable } from './responsibility.tables.js';

export type LetterRow = Selectable<ResponsibilityLetterTable>;

export interface LetterFilter {
  year: number;
  statuses?: readonly LetterStatus[];
  regionCode?: string;
  unitKind?: ResponsibilityUnitKind;
}

/** The responsibility letters; grounded by the unit's region. */
export class LettersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private filtered(filter: LetterFilter) {
    let query = this.db.selectFrom('responsibility_letters').where('year', '=', filter.year);
    if (filter.statuses !== undefined) query = query.where('status', 'in', filter.statuses);
    if (filter.regionCode !== undefined) {
      const prefix = regionPrefix(filter.regionCode);
      query = query.where('region_code', '>=', prefix).where('region_code', '<', `${prefix}~`);
    }
    if (filter.unitKind !== undefined) query = query.where('unit_kind', '=', filter.unitKind);
    return query;
  }

  list(filter: LetterFilter, page: { limit: number; after?: [string, string, string] }) {
    let query = this.filtered(filter).selectAll();
    if (page.after) {
      const [region, unit, id] = page.after;
      query = query.where((eb) => eb(eb.refTuple('region_code', 'unit_name', 'id'), '>', eb.tuple(region, unit, id)));
    }
    return query.orderBy('region_code').orderBy('unit_name').orderBy('id').limit(page.limit).execute();
  }

  async statusCounts(filter: LetterFilter): Promise<Array<{ status: LetterStatus; n: number }>> {
    const rows = await this.filtered(filter).select(['status', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('status').execute();
    return rows.map((row) => ({ status: row.status, n: Number(row.n) }));
  }

  byId(id: string) {
    return this.db.selectFrom('responsibility_letters').selectAll().where('id', '=', id).executeTakeFirst();
  }

  ofUnit(year: number, unitKind: ResponsibilityUnitKind, unitId: string) {
    return this.db.selectFrom('responsibility_letters').selectAll().where('year', '=', year).where('unit_kind', '=', unitKind).where('unit_id', '=', unitId).executeTakeFirst();
  }

  /** False when the unit already has a letter of that year. */
  async insert(row: Insertable<ResponsibilityLetterTable>): Promise<boolean> {
    const inserted = await this.db
      .insertInto('responsibility_letters')
      .values(row)
      .onConflict((oc) => oc.columns(['year', 'region_code', 'unit_kind', 'unit_name']).doNothing())
      .returning('id')
      .execute();
    return inserted.length > 0;
  }

  async updateVersioned(id: string, version: number, changes: Updateable<ResponsibilityLetterTable>): Promise<number> {
    const result = await this.db.updateTable('responsibility_letters').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
