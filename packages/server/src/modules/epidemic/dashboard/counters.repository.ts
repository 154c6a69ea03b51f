import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { cellId, NO_DAY, type CounterCell, type CounterSeries } from './counters.js';

/** Cells per multi-row upsert: well under both engines' parameter limits. */
const CHUNK = 500;

export interface CellChange {
  cell: CounterCell;
  n: number;
}

/** A region subtree as the range of its codes, for the optional drill-down of a read. */
export interface RegionRange {
  from: string;
  to: string;
}

/** `epidemic_counters` is grounded by `region_code`: every read sums only the caller's ground. */
export class CountersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Adds each change to its cell, creating the cell when new; one statement per 500 cells. Cells
   * are written in id order, so that two transactions touching the same cells (concurrent travel
   * checks, registrations in one grid) lock them in the same order and never deadlock.
   */
  async add(changes: readonly CellChange[]): Promise<void> {
    const rows = changes.map(({ cell, n }) => ({ id: cellId(cell), series: cell.series, day: cell.day, region_code: cell.regionCode, key: cell.key, n })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto('epidemic_counters')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ n: eb('epidemic_counters.n', '+', eb.ref('excluded.n')) })))
        .execute();
    }
  }

  async clear(): Promise<void> {
    await this.db.deleteFrom('epidemic_counters').execute();
  }

  /** Cells of cumulative series dated after the base and before `before`, locked on PostgreSQL until the fold commits. */
  async foldable(series: readonly CounterSeries[], before: string, lock: boolean) {
    let query = this.db.selectFrom('epidemic_counters').selectAll().where('series', 'in', series).where('day', '>', NO_DAY).where('day', '<', before);
    if (lock) query = query.forUpdate();
    return query.execute();
  }

  /** Cells of a daily series dated before `before`: no read reaches them any more. */
  async deleteBefore(series: CounterSeries, before: string): Promise<number> {
    const result = await this.db.deleteFrom('epidemic_counters').where('series', '=', series).where('day', '>', NO_DAY).where('day', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Cells that count nothing (a person came and went). */
  async deleteEmpty(): Promise<number> {
    const result = await this.db.deleteFrom('epidemic_counters').where('n', '=', 0).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteByIds(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) await this.db.deleteFrom('epidemic_counters').where('id', 'in', ids.slice(i, i + CHUNK)).execute();
  }

  /** Sums of undated cells (persons by status) by series, key and the first `prefixLength` characters of the region. */
  byArea(series: readonly CounterSeries[], prefixLength: number, range: RegionRange | null) {
    const area = sql<string>`substr(region_code, 1, ${sql.lit(prefixLength)})`;
    return this.db
      .selectFrom('epidemic_counters')
      .select((eb) => ['series', 'key', area.as('area'), eb.fn.sum<number>('n').as('n')])
      .where('series', 'in', series)
      .where('day', '=', NO_DAY)
      .$if(range !== null, (qb) => qb.where('region_code', '>=', range!.from).where('region_code', '<', range!.to))
      .groupBy(['series', 'key', area])
      .execute();
  }

  /** Sums per day and key of one series over [from, to] (from '' takes in a cumulative base). */
  byDay(series: CounterSeries, from: string, to: string, range: RegionRange | null) {
    return this.db
      .selectFrom('epidemic_counters')
      .select((eb) => ['day', 'key', eb.fn.sum<number>('n').as('n')])
      .where('series', '=', series)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .$if(range !== null, (qb) => qb.where('region_code', '>=', range!.from).where('region_code', '<', range!.to))
      .groupBy(['day', 'key'])
      .execute();
  }

  /** The latest day on or before `day` with a positive cell of the series inside a region subtree. */
  async latestDay(series: CounterSeries, day: string, subtree: RegionRange): Promise<string | null> {
    const row = await this.db
      .selectFrom('epidemic_counters')
      .select('day')
      .where('series', '=', series)
      .where('day', '>', NO_DAY)
      .where('day', '<=', day)
      .where('region_code', '>=', subtree.from)
      .where('region_code', '<', subtree.to)
      .where('n', '>', 0)
      .orderBy('day', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.day ?? null;
  }
}
