import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { EnterpriseFilter } from './enterprises.repository.js';

export type CoverageGap = 'unsupervised' | 'not_inspected';

/** County-level code of an enterprise: the first 6 digits of its community code. */
const county = sql<string>`substr(e.region_code, 1, 6)`;
const unsupervised = sql<boolean>`not exists (select 1 from enterprise_supervisors s where s.enterprise_id = e.id)`;

/** The "three musts" gaps, counted and listed per county-level region of the caller's ground. */
export class CoverageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  counts(scope: EnterpriseFilter, inspectedSince: string) {
    return this.db
      .selectFrom('enterprises as e')
      .select([
        county.as('county'),
        (eb) => eb.fn.countAll<number>().as('enterprises'),
        sql<number>`sum(case when ${unsupervised} then 1 else 0 end)`.as('unsupervised'),
        sql<number>`sum(case when e.last_inspected_at is null or e.last_inspected_at < ${inspectedSince} then 1 else 0 end)`.as('not_inspected'),
      ])
      .$if(scope.onlyId !== undefined, (q) => q.where('e.id', '=', scope.onlyId!))
      .groupBy(county)
      .orderBy(county)
      .execute();
  }

  gaps(scope: EnterpriseFilter, countyCode: string, gap: CoverageGap, inspectedSince: string, limit: number) {
    return this.db
      .selectFrom('enterprises as e')
      .select(['e.id', 'e.name', 'e.credit_code', 'e.region_code', 'e.industry_code', 'e.industry_name', 'e.last_inspected_at'])
      .where('e.region_code', '>=', countyCode)
      .where('e.region_code', '<', `${countyCode}~`)
      .$if(scope.onlyId !== undefined, (q) => q.where('e.id', '=', scope.onlyId!))
      .$if(gap === 'unsupervised', (q) => q.where(unsupervised))
      .$if(gap === 'not_inspected', (q) => q.where((eb) => eb.or([eb('e.last_inspected_at', 'is', null), eb('e.last_inspected_at', '<', inspectedSince)])))
      // Never inspected first, then the longest ago; the same order on both engines (their NULLs sort apart).
      .orderBy(sql`coalesce(e.last_inspected_at, '')`)
      .orderBy('e.name')
      .orderBy('e.id')
      .limit(limit)
      .execute();
  }
}
