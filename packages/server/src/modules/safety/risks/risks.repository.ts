import { regionPrefix, type RiskLevel } from '@shoutu/domain';
import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RiskAssessmentTable, RiskPointTable } from './risks.tables.js';

export type RiskPointRow = Selectable<RiskPointTable> & { enterprise_name: string };

export interface RiskScope {
  onlyEnterpriseId?: string;
}

export interface RiskPointFilter extends RiskScope {
  enterpriseId?: string;
  regionCode?: string;
  level?: RiskLevel;
}

export interface LevelCounts {
  red: number;
  orange: number;
  yellow: number;
  blue: number;
}

function filtered<O>(query: SelectQueryBuilder<Database, 'risk_points', O>, filter: RiskPointFilter) {
  const prefix = filter.regionCode === undefined ? null : regionPrefix(filter.regionCode);
  return query
    .$if(filter.onlyEnterpriseId !== undefined, (q) => q.where('risk_points.enterprise_id', '=', filter.onlyEnterpriseId!))
    .$if(filter.enterpriseId !== undefined, (q) => q.where('risk_points.enterprise_id', '=', filter.enterpriseId!))
    .$if(prefix !== null, (q) => q.where('risk_points.region_code', '>=', prefix!).where('risk_points.region_code', '<', `${prefix!}~`))
    .$if(filter.level !== undefined, (q) => q.where('risk_points.level', '=', filter.level!));
}

const countOf = (level: RiskLevel) => sql<number>`sum(case when risk_points.level = ${sql.lit(level)} then 1 else 0 end)`;

/** Risk points' SQL; `risk_points` and `risk_assessments` are grounded, the enterprise's name a grounded join. */
export class RisksRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private selectPoints() {
    return this.db.selectFrom('risk_points').innerJoin('enterprises', 'enterprises.id', 'risk_points.enterprise_id').selectAll('risk_points').select('enterprises.name as enterprise_name');
  }

  byId(id: string, scope: RiskScope): Promise<RiskPointRow | undefined> {
    return filtered(this.selectPoints().where('risk_points.id', '=', id), scope).executeTakeFirst();
  }

  /** Points in service, newest first. */
  list(filter: RiskPointFilter, page: { limit: number; after?: [string, string] }): Promise<RiskPointRow[]> {
    let query = filtered(this.selectPoints(), filter).where('risk_points.retired_at', 'is', null).orderBy('risk_points.created_at', 'desc').orderBy('risk_points.id', 'desc').limit(page.limit);
    if (page.after) {
      const [createdAt, id] = page.after;
      query = query.where((eb) => eb.or([eb('risk_points.created_at', '<', createdAt), eb.and([eb('risk_points.created_at', '=', createdAt), eb('risk_points.id', '<', id)])]));
    }
    return query.execute();
  }

  assessments(riskPointId: string) {
    return this.db.selectFrom('risk_assessments').selectAll().where('risk_point_id', '=', riskPointId).orderBy('assessed_at', 'desc').orderBy('id', 'desc').execute();
  }

  async insert(point: Insertable<RiskPointTable>): Promise<void> {
    await this.db.insertInto('risk_points').values(point).execute();
  }

  async insertAssessment(row: Insertable<RiskAssessmentTable>): Promise<void> {
    await this.db.insertInto('risk_assessments').values(row).execute();
  }

  async updateVersioned(id: string, version: number, changes: Updateable<RiskPointTable>): Promise<number> {
    const result = await this.db.updateTable('risk_points').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).where('retired_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * Points in service per community and level: one GROUP BY that streams along the
   * (region_code, level, …) index in its own order, without sorting; callers add communities up to
   * the child regions they show (a few thousand rows for a whole city).
   */
  async countsByCommunity(regionCode: string, scope: RiskPointFilter): Promise<Array<{ region_code: string; level: RiskLevel; n: number }>> {
    const rows = await filtered(this.db.selectFrom('risk_points'), { ...scope, regionCode })
      .where('risk_points.retired_at', 'is', null)
      .select(['risk_points.region_code', 'risk_points.level', sql<number>`count(*)`.as('n')])
      .groupBy(['risk_points.region_code', 'risk_points.level'])
      .execute();
    return rows.map((row) => ({ region_code: row.region_code, level: row.level, n: Number(row.n) }));
  }

  /**
   * The enterprises of the subtree most at risk: ranked by red, then orange points, over those
   * points only (they are few), then counted on all four levels. Enterprises with neither are not
   * ranked.
   */
  async topEnterprises(regionCode: string, scope: RiskPointFilter, limit: number): Promise<Array<LevelCounts & { enterprise_id: string; name: string }>> {
    // Materialised first, so that the planner picks the points by region and level, never by
    // walking the enterprise index in GROUP BY order over every point (SQLite does that otherwise).
    const ranked = await this.db
      .with(
        (cte) => cte('severe').materialized(),
        (db) => filtered(db.selectFrom('risk_points'), { ...scope, regionCode }).where('risk_points.retired_at', 'is', null).where('risk_points.level', 'in', ['red', 'orange']).select(['risk_points.enterprise_id', 'risk_points.level']),
      )
      .selectFrom('severe')
      .select(['severe.enterprise_id', sql<number>`sum(case when severe.level = 'red' then 1 else 0 end)`.as('red'), sql<number>`sum(case when severe.level = 'orange' then 1 else 0 end)`.as('orange')])
      .groupBy('severe.enterprise_id')
      .orderBy('red', 'desc')
      .orderBy('orange', 'desc')
      .orderBy('severe.enterprise_id')
      .limit(limit)
      .execute();
    if (ranked.length === 0) return [];
    const rows = await this.db
      .selectFrom('risk_points')
      .innerJoin('enterprises', 'enterprises.id', 'risk_points.enterprise_id')
      .where('risk_points.enterprise_id', 'in', ranked.map((r) => r.enterprise_id))
      .where('risk_points.retired_at', 'is', null)
      .select(['risk_points.enterprise_id', 'enterprises.name', countOf('red').as('red'), countOf('orange').as('orange'), countOf('yellow').as('yellow'), countOf('blue').as('blue')])
      .groupBy(['risk_points.enterprise_id', 'enterprises.name'])
      .execute();
    const byId = new Map(rows.map((row) => [row.enterprise_id, row]));
    return ranked.flatMap(({ enterprise_id }) => {
      const row = byId.get(enterprise_id);
      return row ? [{ enterprise_id, name: row.name, red: Number(row.red), orange: Number(row.orange), yellow: Number(row.yellow), blue: Number(row.blue) }] : [];
    });
  }
}
