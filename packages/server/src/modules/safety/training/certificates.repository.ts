import { regionPrefix, type CertificateKind } from '@shoutu/domain';
import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { TrainingCertificateTable } from './training.tables.js';

export type CertificateRow = Selectable<TrainingCertificateTable> & { owner_name: string | null };

export interface CertificateFilter {
  /** An enterprise officer keeps their own enterprise's certificates only. */
  onlyEnterpriseId?: string;
  kind?: CertificateKind;
  enterpriseId?: string;
  unitId?: string;
  regionCode?: string;
  /** Inclusive bounds on the due date (the domain's dueOnRangeFor). */
  dueFrom?: string | null;
  dueTo?: string | null;
  holderIdHash?: string;
}

function applyFilter<O>(query: SelectQueryBuilder<Database, 'training_certificates', O>, filter: CertificateFilter) {
  let q = query;
  if (filter.onlyEnterpriseId !== undefined) q = q.where('training_certificates.enterprise_id', '=', filter.onlyEnterpriseId);
  if (filter.kind !== undefined) q = q.where('training_certificates.kind', '=', filter.kind);
  if (filter.enterpriseId !== undefined) q = q.where('training_certificates.enterprise_id', '=', filter.enterpriseId);
  if (filter.unitId !== undefined) q = q.where('training_certificates.unit_id', '=', filter.unitId);
  if (filter.regionCode !== undefined) {
    const prefix = regionPrefix(filter.regionCode);
    q = q.where('training_certificates.region_code', '>=', prefix).where('training_certificates.region_code', '<', `${prefix}~`);
  }
  if (filter.dueFrom) q = q.where('training_certificates.due_on', '>=', filter.dueFrom);
  if (filter.dueTo) q = q.where('training_certificates.due_on', '<=', filter.dueTo);
  if (filter.holderIdHash !== undefined) q = q.where('training_certificates.holder_id_number_hash', '=', filter.holderIdHash);
  return q;
}

/** Safety certificates' SQL; `training_certificates` is grounded, as are the register and the units it names. */
export class CertificatesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom('training_certificates')
      .leftJoin('enterprises', 'enterprises.id', 'training_certificates.enterprise_id')
      .leftJoin('units', 'units.id', 'training_certificates.unit_id')
      .selectAll('training_certificates')
      .select(sql<string | null>`coalesce(enterprises.name, units.name)`.as('owner_name'));
  }

  byId(id: string, filter: CertificateFilter): Promise<CertificateRow | undefined> {
    return applyFilter(this.select().where('training_certificates.id', '=', id), filter).executeTakeFirst();
  }

  /** Earliest due first, so that what needs action leads. */
  list(filter: CertificateFilter, page: { limit: number; after?: [string, string] }): Promise<CertificateRow[]> {
    let query = applyFilter(this.select(), filter).orderBy('training_certificates.due_on').orderBy('training_certificates.id').limit(page.limit);
    if (page.after) {
      const [dueOn, id] = page.after;
      query = query.where((eb) => eb.or([eb('training_certificates.due_on', '>', dueOn), eb.and([eb('training_certificates.due_on', '=', dueOn), eb('training_certificates.id', '>', id)])]));
    }
    return query.execute();
  }

  async count(filter: CertificateFilter): Promise<number> {
    const row = await applyFilter(this.db.selectFrom('training_certificates'), filter).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(row: Insertable<TrainingCertificateTable>): Promise<void> {
    await this.db.insertInto('training_certificates').values(row).execute();
  }

  async updateVersioned(id: string, version: number, changes: Updateable<TrainingCertificateTable>): Promise<number> {
    const result = await this.db.updateTable('training_certificates').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
