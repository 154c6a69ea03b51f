import { regionPrefix } from '@shoutu/domain';
import type { Insertable, Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { withEnterpriseNames } from '../enterprises/enterprise-names.repository.js';
import type { InspectionItemTable, InspectionKind, InspectionTable } from './inspections.tables.js';

export type InspectionRow = Selectable<InspectionTable> & { enterprise_name: string };

export interface InspectionFilter {
  onlyEnterpriseId?: string;
  enterpriseId?: string;
  regionCode?: string;
  kind?: InspectionKind;
  campaignId?: string;
}

function withFilter<O>(query: SelectQueryBuilder<Database, 'inspections', O>, filter: InspectionFilter) {
  const prefix = filter.regionCode === undefined ? null : regionPrefix(filter.regionCode);
  return query
    .$if(filter.onlyEnterpriseId !== undefined, (q) => q.where('inspections.enterprise_id', '=', filter.onlyEnterpriseId!))
    .$if(filter.enterpriseId !== undefined, (q) => q.where('inspections.enterprise_id', '=', filter.enterpriseId!))
    .$if(prefix !== null, (q) => q.where('inspections.region_code', '>=', prefix!).where('inspections.region_code', '<', `${prefix!}~`))
    .$if(filter.kind !== undefined, (q) => q.where('inspections.kind', '=', filter.kind!))
    .$if(filter.campaignId !== undefined, (q) => q.where('inspections.campaign_id', '=', filter.campaignId!));
}

/** Inspections' SQL; `inspections` and `inspection_items` are grounded, and so is the register the enterprise's name comes from. */
export class InspectionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One inspection with its enterprise's name; none when either lies outside the caller's ground. */
  async byId(id: string, filter: InspectionFilter): Promise<InspectionRow | undefined> {
    const row = await withFilter(this.db.selectFrom('inspections').selectAll('inspections'), filter).where('inspections.id', '=', id).executeTakeFirst();
    return row ? (await withEnterpriseNames(this.db, [row]))[0] : undefined;
  }

  /**
   * A page of inspections, newest first; `after` is the (inspected_at, id) of the last row of the
   * page before. The page is read alone, the enterprises' names after (`withEnterpriseNames`), and
   * the cursor is one row-value range of the (…, inspected_at, id) indexes: the equivalent OR made
   * the database walk every row before the cursor.
   */
  list(filter: InspectionFilter, page: { limit: number; after?: [string, string] }): Promise<Selectable<InspectionTable>[]> {
    let query = withFilter(this.db.selectFrom('inspections').selectAll('inspections'), filter).orderBy('inspections.inspected_at', 'desc').orderBy('inspections.id', 'desc').limit(page.limit);
    if (page.after) {
      const [inspectedAt, id] = page.after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('inspections.inspected_at', 'inspections.id'), '<', tuple(inspectedAt, id)));
    }
    return query.execute();
  }

  items(inspectionId: string) {
    return this.db.selectFrom('inspection_items').selectAll().where('inspection_id', '=', inspectionId).orderBy('number').execute();
  }

  item(inspectionId: string, number: number) {
    return this.db.selectFrom('inspection_items').selectAll().where('inspection_id', '=', inspectionId).where('number', '=', number).executeTakeFirst();
  }

  async insert(inspection: Insertable<InspectionTable>, items: Insertable<InspectionItemTable>[]): Promise<void> {
    await this.db.insertInto('inspections').values(inspection).execute();
    if (items.length > 0) await this.db.insertInto('inspection_items').values(items).execute();
  }

  /** Links a failed item to the hazard it became; 0 when it already had one (a concurrent request won). */
  async linkHazard(inspectionId: string, number: number, hazardId: string): Promise<number> {
    const result = await this.db
      .updateTable('inspection_items')
      .set({ hazard_id: hazardId })
      .where('inspection_id', '=', inspectionId)
      .where('number', '=', number)
      .where('hazard_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * The register keeps when an enterprise was last inspected ("three musts" report); an
   * inspection moves it forward, never back. This touches that one column and nothing else of
   * the register's row (not its version: it is no edit of the record).
   */
  async markEnterpriseInspected(enterpriseId: string, inspectedAt: string): Promise<void> {
    await this.db
      .updateTable('enterprises')
      .set({ last_inspected_at: inspectedAt })
      .where('id', '=', enterpriseId)
      .where((eb) => eb.or([eb('last_inspected_at', 'is', null), eb('last_inspected_at', '<', inspectedAt)]))
      .execute();
  }
}
