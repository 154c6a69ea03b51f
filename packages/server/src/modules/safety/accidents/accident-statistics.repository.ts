import { sql, type Kysely, type RawBuilder } from 'kysely';
import { regionPrefix } from '@shoutu/domain';
import type { Database } from '../../../db/schema.js';

export interface TallyFilter {
  /** Occurrence instants, [from, to). */
  from: string;
  to: string;
  regionCode: string;
  /** GB/T 4754 code prefix (C, C26). */
  industryCode?: string;
  /**
   * Reproduce the figures as they stood before this instant: accidents logged later are left out,
   * and each accident counts with its latest revision recorded before it.
   */
  asOf?: string;
}

/** One figure per period, per month (YYYY-MM of the day in China) or per child region (the code's first `length` digits). */
export type TallyBy = { by: 'total' } | { by: 'month' } | { by: 'region'; length: number };

export interface TallyRow {
  key: string;
  accidents: number;
  deaths: number;
}

/** Accident statistics, counted by the database (GROUP BY over the region and occurrence index). */
export class AccidentStatisticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async tally(filter: TallyFilter, by: TallyBy): Promise<TallyRow[]> {
    const key: RawBuilder<string> =
      by.by === 'total' ? sql<string>`''`
      : by.by === 'month' ? sql<string>`substr(a.occurred_on, 1, 7)`
      : sql<string>`substr(a.region_code, 1, ${sql.lit(by.length)})`;
    const prefix = regionPrefix(filter.regionCode);
    let query = this.db
      .selectFrom('accidents as a')
      .where('a.occurred_at', '>=', filter.from)
      .where('a.occurred_at', '<', filter.to)
      .where('a.region_code', '>=', prefix)
      .where('a.region_code', '<', `${prefix}~`);
    if (filter.industryCode !== undefined) query = query.where('a.industry_code', '>=', filter.industryCode).where('a.industry_code', '<', `${filter.industryCode}~`);

    let rows: { key: string; accidents: number | string; deaths: number | string }[];
    if (filter.asOf === undefined) {
      const counted = query.select([key.as('key'), (eb) => eb.fn.countAll<number>().as('accidents'), sql<number>`coalesce(sum(a.deaths), 0)`.as('deaths')]);
      rows = await (by.by === 'total' ? counted : counted.groupBy(key)).execute();
    } else {
      const asOf = filter.asOf;
      const counted = query
        .innerJoin('accident_revisions as r', 'r.accident_id', 'a.id')
        .where('a.created_at', '<', asOf)
        .where('r.recorded_at', '<', asOf)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('accident_revisions as later').select('later.id').whereRef('later.accident_id', '=', 'a.id').whereRef('later.seq', '>', 'r.seq').where('later.recorded_at', '<', asOf))),
        )
        .select([key.as('key'), (eb) => eb.fn.countAll<number>().as('accidents'), sql<number>`coalesce(sum(r.deaths), 0)`.as('deaths')]);
      rows = await (by.by === 'total' ? counted : counted.groupBy(key)).execute();
    }
    return rows.map((row) => ({ key: row.key, accidents: Number(row.accidents), deaths: Number(row.deaths) }));
  }
}
