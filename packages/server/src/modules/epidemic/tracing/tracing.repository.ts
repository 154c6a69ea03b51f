import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ExposureSetting, ExposureTable } from './tracing.tables.js';

/** Ids per `in (…)` list: well under both engines' parameter limits. */
const CHUNK = 500;

const EDGE_COLUMNS = ['id', 'source_person_id', 'target_person_id', 'setting', 'exposure_date'] as const;

/** `exposures` is grounded by the target's grid: every query here sees only the caller's part of a chain. */
export class TracingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts unless the same exposure is already recorded; true when inserted. */
  async insert(row: Insertable<ExposureTable>): Promise<boolean> {
    const inserted = await this.db
      .insertInto('exposures')
      .values(row)
      .onConflict((oc) => oc.columns(['source_person_id', 'target_person_id', 'exposure_date', 'setting']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async insertMany(rows: readonly Insertable<ExposureTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db
        .insertInto('exposures')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) => oc.columns(['source_person_id', 'target_person_id', 'exposure_date', 'setting']).doNothing())
        .execute();
    }
  }

  same(source: string, target: string, date: string, setting: ExposureSetting) {
    return this.db
      .selectFrom('exposures')
      .selectAll()
      .where('source_person_id', '=', source)
      .where('target_person_id', '=', target)
      .where('exposure_date', '=', date)
      .where('setting', '=', setting)
      .executeTakeFirst();
  }

  /**
   * Everyone linked to the person by exposures in either direction, the person first, at most
   * `limit`: one recursive query. UNION (not UNION ALL) keeps each person once, so a cycle in the
   * data ends the recursion. Each step joins the exposures seen from both ends as one UNION ALL,
   * which both engines answer with an index lookup per person even before PostgreSQL has table
   * statistics (an OR in the join made it scan the table once per person). The ground scope
   * applies to the exposures read at every step.
   */
  async componentMembers(personId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .withRecursive('component(id)', (db) =>
        db.selectNoFrom(sql<string>`cast(${personId} as text)`.as('id')).union(
          db
            .selectFrom('component as c')
            .innerJoin(
              (eb) =>
                eb
                  .selectFrom('exposures')
                  .select(['source_person_id as person_id', 'target_person_id as linked_id'])
                  .unionAll(eb.selectFrom('exposures').select(['target_person_id as person_id', 'source_person_id as linked_id']))
                  .as('link'),
              (join) => join.onRef('link.person_id', '=', 'c.id'),
            )
            .select('link.linked_id as id'),
        ),
      )
      .selectFrom('component')
      .select('id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  /** The exposures from any of these persons; the chunks are read together (on PostgreSQL, on separate connections). */
  async edgesFrom(personIds: readonly string[]) {
    const reads = [];
    for (let i = 0; i < personIds.length; i += CHUNK) {
      reads.push(this.db.selectFrom('exposures').select(EDGE_COLUMNS).where('source_person_id', 'in', personIds.slice(i, i + CHUNK)).execute());
    }
    return (await Promise.all(reads)).flat();
  }

  /** Every exposure in a region subtree (the whole ground when null), from a day on. */
  edgesIn(regionCode: string | null, since: string | null) {
    let query = this.db.selectFrom('exposures').select(EDGE_COLUMNS);
    if (regionCode !== null) query = query.where('region_code', '>=', regionCode).where('region_code', '<', `${regionCode}~`);
    if (since !== null) query = query.where('exposure_date', '>=', since);
    return query.execute();
  }
}
