import type { ExpressionBuilder, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { PersonCategoryHistoryTable, PersonMeasurePlanTable, PersonTable } from './persons.tables.js';

/** A person's row with their wrapped data key (`record_key`, decision 0020), which PersonSealing needs to open it. */
export type PersonRow = Selectable<PersonTable> & { record_key?: string | null };
/** A new person's row and the stored form of their data key, inserted together by `insertNew`. */
export type PersonInsert = Insertable<PersonTable> & { recordKey?: string };

/** The person's wrapped data key, read with the row (a subquery: the list's filters stay unqualified). */
export const withRecordKey = (eb: ExpressionBuilder<Database, 'persons'>) => eb.selectFrom('person_keys').select('person_keys.key_enc').whereRef('person_keys.person_id', '=', 'persons.id').as('record_key');
export type PlanRow = Selectable<PersonMeasurePlanTable>;

/** Rows per multi-row INSERT: large enough to amortise the round trip, well under both engines' parameter limits. */
export const INSERT_BATCH = 500;

export interface PersonListFilter {
  limit: number;
  after?: [string, string];
  category?: string;
  status?: 'managed' | 'released';
  /** Any region code: the subtree under it. */
  regionCode?: string;
  /** Registered in [from, to) (ISO times). */
  createdFrom?: string;
  createdTo?: string;
  idNumberHash?: string;
  phoneHash?: string;
}

/**
 * `persons` is grounded by `region_code` (the grid). History and plans have no region of their
 * own, so every read of them joins `persons`, and the ground scope on the join hides the rows of
 * persons outside the caller's ground.
 */
export class PersonsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  byId(id: string) {
    return this.db.selectFrom('persons').selectAll().select(withRecordKey).where('id', '=', id).executeTakeFirst();
  }

  byIdNumberHash(hash: string) {
    return this.db.selectFrom('persons').selectAll().where('id_number_hash', '=', hash).executeTakeFirst();
  }

  async idsByIdNumberHash(hashes: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let i = 0; i < hashes.length; i += INSERT_BATCH) {
      const chunk = hashes.slice(i, i + INSERT_BATCH);
      const rows = await this.db.selectFrom('persons').select(['id', 'id_number_hash']).where('id_number_hash', 'in', chunk).execute();
      for (const row of rows) found.set(row.id_number_hash, row.id);
    }
    return found;
  }

  list(filter: PersonListFilter) {
    let query = this.db.selectFrom('persons').selectAll().select(withRecordKey).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit);
    if (filter.category) query = query.where('category', '=', filter.category);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.regionCode) query = query.where('region_code', '>=', filter.regionCode).where('region_code', '<', `${filter.regionCode}~`);
    if (filter.createdFrom) query = query.where('created_at', '>=', filter.createdFrom);
    if (filter.createdTo) query = query.where('created_at', '<', filter.createdTo);
    if (filter.idNumberHash) query = query.where('id_number_hash', '=', filter.idNumberHash);
    if (filter.phoneHash) query = query.where('phone_hash', '=', filter.phoneHash);
    if (filter.after) {
      const [createdAt, id] = filter.after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), '<', tuple(createdAt, id)));
    }
    return query.execute();
  }

  /** Rows of the list's filters: an export counts them before it is produced or sent for approval. */
  async count(filter: Pick<PersonListFilter, 'category' | 'status' | 'regionCode' | 'createdFrom' | 'createdTo'>): Promise<number> {
    let query = this.db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n'));
    if (filter.category) query = query.where('category', '=', filter.category);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.regionCode) query = query.where('region_code', '>=', filter.regionCode).where('region_code', '<', `${filter.regionCode}~`);
    if (filter.createdFrom) query = query.where('created_at', '>=', filter.createdFrom);
    if (filter.createdTo) query = query.where('created_at', '<', filter.createdTo);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  /**
   * Inserts new persons with their data keys; returns the ID-number hashes actually inserted (an
   * existing ID number is skipped, never duplicated, and its key not stored).
   */
  async insertNew(rows: readonly PersonInsert[]): Promise<Set<string>> {
    const inserted = new Set<string>();
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const batch = rows.slice(i, i + INSERT_BATCH);
      const result = await this.db
        .insertInto('persons')
        .values(batch.map(({ recordKey: _key, ...row }) => row))
        .onConflict((oc) => oc.column('id_number_hash').doNothing())
        .returning(['id', 'id_number_hash'])
        .execute();
      for (const row of result) inserted.add(row.id_number_hash);
      const ids = new Set(result.map((row) => row.id));
      const keys = batch.flatMap((row) => (row.recordKey && ids.has(row.id) ? [{ person_id: row.id, key_enc: row.recordKey, created_at: row.created_at }] : []));
      if (keys.length > 0) await this.db.insertInto('person_keys').values(keys).execute();
    }
    return inserted;
  }

  async updateVersioned(id: string, version: number, changes: Updateable<PersonTable>): Promise<number> {
    const result = await this.db.updateTable('persons').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async insertHistory(rows: readonly Insertable<PersonCategoryHistoryTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) await this.db.insertInto('person_category_history').values(rows.slice(i, i + INSERT_BATCH)).execute();
  }

  historyOf(personId: string) {
    return this.db
      .selectFrom('person_category_history as h')
      .innerJoin('persons as p', 'p.id', 'h.person_id')
      .select(['h.id', 'h.category', 'h.from_category', 'h.changed_by', 'h.reason', 'h.at'])
      .where('h.person_id', '=', personId)
      .orderBy('h.at')
      .orderBy('h.id')
      .execute();
  }

  async insertPlans(rows: readonly Insertable<PersonMeasurePlanTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_BATCH) await this.db.insertInto('person_measure_plans').values(rows.slice(i, i + INSERT_BATCH)).execute();
  }

  /** Marks the person's current plan as replaced; it stays in the history. */
  async supersedePlan(personId: string, at: string): Promise<void> {
    await this.db
      .updateTable('person_measure_plans')
      .set({ superseded_at: at })
      .where('superseded_at', 'is', null)
      .where('person_id', 'in', (eb) => eb.selectFrom('persons').select('id').where('id', '=', personId))
      .execute();
  }

  async currentPlans(personIds: readonly string[]): Promise<Map<string, PlanRow>> {
    const plans = new Map<string, PlanRow>();
    if (personIds.length === 0) return plans;
    const rows = await this.db
      .selectFrom('person_measure_plans as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .selectAll('m')
      .where('m.person_id', 'in', personIds)
      .where('m.superseded_at', 'is', null)
      .execute();
    for (const row of rows) plans.set(row.person_id, row);
    return plans;
  }

  /** Every plan of the person, newest first. */
  plansOf(personId: string) {
    return this.db
      .selectFrom('person_measure_plans as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .selectAll('m')
      .where('m.person_id', '=', personId)
      .orderBy('m.computed_at', 'desc')
      .orderBy('m.id', 'desc')
      .execute();
  }
}
