import { regionPrefix, type EnforcementMeasureKind, type EnforcementStatus } from '@shoutu/domain';
import type { Insertable, Kysely, Selectable, SelectQueryBuilder, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { withEnterpriseNames } from '../enterprises/enterprise-names.repository.js';
import type { EnforcementCaseTable } from './enforcement.tables.js';

export type EnforcementRow = Selectable<EnforcementCaseTable> & { enterprise_name: string };

export interface EnforcementFilter {
  /** An enterprise officer reads their own enterprise's cases only. */
  onlyEnterpriseId?: string;
  enterpriseId?: string;
  regionCode?: string;
  status?: EnforcementStatus;
  measure?: Exclude<EnforcementMeasureKind, 'other'>;
}

function withFilter<O>(query: SelectQueryBuilder<Database, 'enforcement_cases', O>, filter: EnforcementFilter) {
  const prefix = filter.regionCode === undefined ? null : regionPrefix(filter.regionCode);
  return query
    .$if(filter.onlyEnterpriseId !== undefined, (q) => q.where('enforcement_cases.enterprise_id', '=', filter.onlyEnterpriseId!))
    .$if(filter.enterpriseId !== undefined, (q) => q.where('enforcement_cases.enterprise_id', '=', filter.enterpriseId!))
    .$if(prefix !== null, (q) => q.where('enforcement_cases.region_code', '>=', prefix!).where('enforcement_cases.region_code', '<', `${prefix!}~`))
    .$if(filter.status !== undefined, (q) => q.where('enforcement_cases.status', '=', filter.status!))
    .$if(filter.measure === 'fine', (q) => q.where('enforcement_cases.fine_total_yuan', '>', 0))
    .$if(filter.measure === 'order_rectify', (q) => q.where('enforcement_cases.orders_rectification', '=', 1))
    .$if(filter.measure === 'suspension', (q) => q.where('enforcement_cases.suspends_production', '=', 1));
}

/** The cases' SQL; `enforcement_cases` is grounded, and so is the register the enterprise's name comes from. */
export class EnforcementRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One case with its enterprise's name; none when either lies outside the caller's ground. */
  async byId(id: string, filter: EnforcementFilter): Promise<EnforcementRow | undefined> {
    const row = await withFilter(this.db.selectFrom('enforcement_cases').selectAll('enforcement_cases'), filter).where('enforcement_cases.id', '=', id).executeTakeFirst();
    return row ? (await withEnterpriseNames(this.db, [row]))[0] : undefined;
  }

  /**
   * A page of cases, newest first; `after` is the (created_at, id) of the last row of the page
   * before. The page is read alone, the enterprises' names after (`withEnterpriseNames`), and the
   * cursor is one row-value range of the (…, created_at, id) indexes.
   */
  list(filter: EnforcementFilter, page: { limit: number; after?: [string, string] }): Promise<Selectable<EnforcementCaseTable>[]> {
    let query = withFilter(this.db.selectFrom('enforcement_cases').selectAll('enforcement_cases'), filter)
      .orderBy('enforcement_cases.created_at', 'desc')
      .orderBy('enforcement_cases.id', 'desc')
      .limit(page.limit);
    if (page.after) {
      const [createdAt, id] = page.after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('enforcement_cases.created_at', 'enforcement_cases.id'), '<', tuple(createdAt, id)));
    }
    return query.execute();
  }

  async insert(row: Insertable<EnforcementCaseTable>): Promise<void> {
    await this.db.insertInto('enforcement_cases').values(row).execute();
  }

  async updateVersioned(id: string, version: number, changes: Updateable<EnforcementCaseTable>): Promise<number> {
    const result = await this.db.updateTable('enforcement_cases').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The enterprise each of these hazards belongs to, for those the caller can see. */
  async hazardEnterprises(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('hazards').select(['id', 'enterprise_id']).where('id', 'in', ids).execute();
    return new Map(rows.map((row) => [row.id, row.enterprise_id]));
  }

  /** The enterprise of an inspection the caller can see. */
  async inspectionEnterprise(id: string): Promise<string | undefined> {
    return (await this.db.selectFrom('inspections').select('enterprise_id').where('id', '=', id).executeTakeFirst())?.enterprise_id;
  }
}
