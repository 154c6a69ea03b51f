import { regionPrefix, type EnforcementMeasureKind, type EnforcementStatus } from '@shoutu/domain';
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
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

/** The cases' SQL; `enforcement_cases` is grounded, the enterprise's name a grounded join. */
export class EnforcementRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select(filter: EnforcementFilter) {
    const prefix = filter.regionCode === undefined ? null : regionPrefix(filter.regionCode);
    return this.db
      .selectFrom('enforcement_cases')
      .innerJoin('enterprises', 'enterprises.id', 'enforcement_cases.enterprise_id')
      .selectAll('enforcement_cases')
      .select('enterprises.name as enterprise_name')
      .$if(filter.onlyEnterpriseId !== undefined, (q) => q.where('enforcement_cases.enterprise_id', '=', filter.onlyEnterpriseId!))
      .$if(filter.enterpriseId !== undefined, (q) => q.where('enforcement_cases.enterprise_id', '=', filter.enterpriseId!))
      .$if(prefix !== null, (q) => q.where('enforcement_cases.region_code', '>=', prefix!).where('enforcement_cases.region_code', '<', `${prefix!}~`))
      .$if(filter.status !== undefined, (q) => q.where('enforcement_cases.status', '=', filter.status!))
      .$if(filter.measure === 'fine', (q) => q.where('enforcement_cases.fine_total_yuan', '>', 0))
      .$if(filter.measure === 'order_rectify', (q) => q.where('enforcement_cases.orders_rectification', '=', 1))
      .$if(filter.measure === 'suspension', (q) => q.where('enforcement_cases.suspends_production', '=', 1));
  }

  byId(id: string, filter: EnforcementFilter): Promise<EnforcementRow | undefined> {
    return this.select(filter).where('enforcement_cases.id', '=', id).executeTakeFirst();
  }

  /** Newest first. */
  list(filter: EnforcementFilter, page: { limit: number; after?: [string, string] }): Promise<EnforcementRow[]> {
    let query = this.select(filter).orderBy('enforcement_cases.created_at', 'desc').orderBy('enforcement_cases.id', 'desc').limit(page.limit);
    if (page.after) {
      const [createdAt, id] = page.after;
      query = query.where((eb) => eb.or([eb('enforcement_cases.created_at', '<', createdAt), eb.and([eb('enforcement_cases.created_at', '=', createdAt), eb('enforcement_cases.id', '<', id)])]));
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
