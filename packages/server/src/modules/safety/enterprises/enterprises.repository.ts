import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import { regionPrefix } from '@shoutu/domain';
import type { Database } from '../../../db/schema.js';
import type { EnterpriseSupervisorTable, EnterpriseTable } from './enterprises.tables.js';

export type EnterpriseRow = Selectable<EnterpriseTable>;

export interface EnterpriseFilter {
  /** An enterprise officer's ground: only this enterprise. */
  onlyId?: string;
  creditCode?: string;
  nameContains?: string;
  regionCode?: string;
  industry?: string;
  park?: string;
  hazardousChemicals?: boolean;
  majorHazardSource?: boolean;
}

/** `LIKE` with `!` as the escape character, the same on both engines. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

function applyFilter<O>(query: SelectQueryBuilder<Database, 'enterprises', O>, filter: EnterpriseFilter) {
  return query
    .$if(filter.onlyId !== undefined, (q) => q.where('enterprises.id', '=', filter.onlyId!))
    .$if(filter.creditCode !== undefined, (q) => q.where('credit_code', '=', filter.creditCode!))
    .$if(filter.nameContains !== undefined, (q) => q.where(sql<boolean>`lower(name) like ${containsPattern(filter.nameContains!)} escape '!'`))
    .$if(filter.regionCode !== undefined, (q) => {
      const prefix = regionPrefix(filter.regionCode!);
      return q.where('region_code', '>=', prefix).where('region_code', '<', `${prefix}~`);
    })
    .$if(filter.industry !== undefined, (q) => q.where('industry_code', '>=', filter.industry!).where('industry_code', '<', `${filter.industry!}~`))
    .$if(filter.park !== undefined, (q) => q.where('park', '=', filter.park!))
    .$if(filter.hazardousChemicals !== undefined, (q) => q.where('hazardous_chemicals', '=', filter.hazardousChemicals ? 1 : 0))
    .$if(filter.majorHazardSource !== undefined, (q) => q.where('major_hazard_source', '=', filter.majorHazardSource ? 1 : 0));
}

/**
 * The register's SQL. `enterprises` is grounded by `region_code`; supervisor links carry no region
 * of their own, so every query on them goes through the enterprise they belong to.
 */
export class EnterprisesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(filter: EnterpriseFilter, page: { limit: number; after?: [string, string] }) {
    let query = applyFilter(this.db.selectFrom('enterprises').selectAll(), filter).orderBy('name').orderBy('id').limit(page.limit);
    if (page.after) {
      const [name, id] = page.after;
      query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
    }
    return query.execute();
  }

  /** Rows of a filter: an export counts them before it is produced. */
  async count(filter: EnterpriseFilter): Promise<number> {
    return Number((await applyFilter(this.db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')), filter).executeTakeFirstOrThrow()).n);
  }

  byId(id: string, filter: EnterpriseFilter = {}) {
    return applyFilter(this.db.selectFrom('enterprises').selectAll().where('id', '=', id), filter).executeTakeFirst();
  }

  async parks(filter: EnterpriseFilter): Promise<string[]> {
    const rows = await applyFilter(this.db.selectFrom('enterprises').select('park').distinct().where('park', 'is not', null), filter).orderBy('park').limit(500).execute();
    return rows.map((row) => row.park!);
  }

  /** Inserts the rows whose credit code is not registered yet; answers the ids written. */
  async insertNew(rows: Insertable<EnterpriseTable>[]): Promise<Set<string>> {
    const written = new Set<string>();
    // 300 rows of 19 columns stay well below SQLite's limit of 32,766 bound parameters.
    for (let i = 0; i < rows.length; i += 300) {
      const batch = await this.db.insertInto('enterprises').values(rows.slice(i, i + 300)).onConflict((oc) => oc.column('credit_code').doNothing()).returning('id').execute();
      for (const row of batch) written.add(row.id);
    }
    return written;
  }

  /** Which of these credit codes are registered in the caller's ground already. */
  async existingCreditCodes(codes: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < codes.length; i += 500) {
      const rows = await this.db.selectFrom('enterprises').select('credit_code').where('credit_code', 'in', codes.slice(i, i + 500)).execute();
      for (const row of rows) found.add(row.credit_code);
    }
    return found;
  }

  async updateVersioned(id: string, version: number, changes: Updateable<EnterpriseTable>): Promise<number> {
    const result = await this.db.updateTable('enterprises').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async supervisorLinks(enterpriseIds: readonly string[]): Promise<Array<{ enterprise_id: string; unit_id: string }>> {
    if (enterpriseIds.length === 0) return [];
    return this.db
      .selectFrom('enterprise_supervisors as s')
      .innerJoin('enterprises', 'enterprises.id', 's.enterprise_id')
      .select(['s.enterprise_id', 's.unit_id'])
      .where('s.enterprise_id', 'in', enterpriseIds)
      .orderBy('s.created_at')
      .orderBy('s.unit_id')
      .execute();
  }

  async insertSupervisors(rows: Insertable<EnterpriseSupervisorTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) await this.db.insertInto('enterprise_supervisors').values(rows.slice(i, i + 500)).execute();
  }

  /** Removes the links of an enterprise the caller can see (the subquery is grounded). */
  async deleteSupervisors(enterpriseId: string): Promise<void> {
    await this.db
      .deleteFrom('enterprise_supervisors')
      .where('enterprise_id', 'in', (eb) => eb.selectFrom('enterprises').select('id').where('id', '=', enterpriseId))
      .execute();
  }
}

/** Unique-constraint violations on either engine (SQLite's extended code, PostgreSQL's SQLSTATE). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
