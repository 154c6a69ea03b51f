import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { regionPrefix, type ResponsibilityPrinciple, type ResponsibilityUnitKind } from '@shoutu/domain';
import type { Database } from '../../../db/schema.js';
import type { DutyListTable, DutyTemplateTable } from './responsibility.tables.js';

export type DutyTemplateRow = Selectable<DutyTemplateTable>;
export type DutyListRow = Selectable<DutyListTable>;

export interface DutyListFilter {
  regionCode?: string;
  unitKind?: ResponsibilityUnitKind;
  unitId?: string;
  principle?: ResponsibilityPrinciple;
}

/** Templates (reference data, not grounded) and the grounded duty lists. */
export class DutyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  templates() {
    return this.db.selectFrom('duty_templates').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  template(id: string) {
    return this.db.selectFrom('duty_templates').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** False when a row with that id exists already (a shipped template edited by someone else meanwhile). */
  async insertTemplate(row: Insertable<DutyTemplateTable>): Promise<boolean> {
    const inserted = await this.db.insertInto('duty_templates').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
    return inserted.length > 0;
  }

  async updateTemplate(id: string, version: number, changes: Updateable<DutyTemplateTable>): Promise<number> {
    const result = await this.db.updateTable('duty_templates').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** By region, then unit name, then id. */
  lists(filter: DutyListFilter, page: { limit: number; after?: [string, string, string] }) {
    let query = this.db.selectFrom('duty_lists').selectAll();
    if (filter.regionCode !== undefined) {
      const prefix = regionPrefix(filter.regionCode);
      query = query.where('region_code', '>=', prefix).where('region_code', '<', `${prefix}~`);
    }
    if (filter.unitKind !== undefined) query = query.where('unit_kind', '=', filter.unitKind);
    if (filter.unitId !== undefined) query = query.where('unit_id', '=', filter.unitId);
    if (filter.principle !== undefined) query = query.where('principle', '=', filter.principle);
    if (page.after) {
      const [region, unit, id] = page.after;
      query = query.where((eb) => eb(eb.refTuple('region_code', 'unit_name', 'id'), '>', eb.tuple(region, unit, id)));
    }
    return query.orderBy('region_code').orderBy('unit_name').orderBy('id').limit(page.limit).execute();
  }

  list(id: string) {
    return this.db.selectFrom('duty_lists').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** False when the unit already has a list for that post. */
  async insertList(row: Insertable<DutyListTable>): Promise<boolean> {
    const inserted = await this.db
      .insertInto('duty_lists')
      .values(row)
      .onConflict((oc) => oc.columns(['region_code', 'unit_kind', 'unit_name', 'post']).doNothing())
      .returning('id')
      .execute();
    return inserted.length > 0;
  }

  async updateList(id: string, version: number, changes: Updateable<DutyListTable>): Promise<number> {
    const result = await this.db.updateTable('duty_lists').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async deleteList(id: string, version: number): Promise<number> {
    const result = await this.db.deleteFrom('duty_lists').where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
