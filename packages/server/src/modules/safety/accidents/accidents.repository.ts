import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { regionPrefix } from '@shoutu/domain';
import type { Database } from '../../../db/schema.js';
import type {
  AccidentInvestigationExtensionTable,
  AccidentLevelReportTable,
  AccidentRevisionTable,
  AccidentTable,
} from './accidents.tables.js';

export type AccidentRow = Selectable<AccidentTable>;
export type RevisionRow = Selectable<AccidentRevisionTable>;
export type LevelReportRow = Selectable<AccidentLevelReportTable>;
export type ExtensionRow = Selectable<AccidentInvestigationExtensionTable>;

/** Ids per IN list: well under both engines' parameter limits. */
const IN_BATCH = 500;

export interface AccidentFilter {
  /** An enterprise officer's ground: only accidents of this enterprise. */
  enterpriseId?: string;
  regionCode?: string;
  grade?: string;
  type?: string;
  /** Occurrence instants, [from, to). */
  occurredFrom?: string;
  occurredTo?: string;
}

/**
 * The accident register's SQL. Every table is grounded by its own `region_code`, so the ground
 * scope applies to each query here whichever table it reads.
 */
export class AccidentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private filtered(filter: AccidentFilter) {
    let query = this.db.selectFrom('accidents').selectAll();
    if (filter.enterpriseId !== undefined) query = query.where('enterprise_id', '=', filter.enterpriseId);
    if (filter.regionCode !== undefined) {
      const prefix = regionPrefix(filter.regionCode);
      query = query.where('region_code', '>=', prefix).where('region_code', '<', `${prefix}~`);
    }
    if (filter.grade !== undefined) query = query.where('grade', '=', filter.grade as AccidentTable['grade']);
    if (filter.type !== undefined) query = query.where('type', '=', filter.type);
    if (filter.occurredFrom !== undefined) query = query.where('occurred_at', '>=', filter.occurredFrom);
    if (filter.occurredTo !== undefined) query = query.where('occurred_at', '<', filter.occurredTo);
    return query;
  }

  /** Newest accident first. */
  list(filter: AccidentFilter, page: { limit: number; after?: [string, string] }) {
    let query = this.filtered(filter).orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(page.limit);
    if (page.after) {
      const [occurredAt, id] = page.after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('occurred_at', 'id'), '<', tuple(occurredAt, id)));
    }
    return query.execute();
  }

  byId(id: string, filter: Pick<AccidentFilter, 'enterpriseId'> = {}) {
    return this.filtered(filter).where('id', '=', id).executeTakeFirst();
  }

  /** Accidents whose obligations are not all met: the government has not replied yet. */
  open(filter: Pick<AccidentFilter, 'regionCode'>) {
    return this.filtered(filter).where('replied_at', 'is', null).orderBy('occurred_at').orderBy('id').execute();
  }

  async insert(row: Insertable<AccidentTable>): Promise<void> {
    await this.db.insertInto('accidents').values(row).execute();
  }

  async updateVersioned(id: string, version: number, changes: Updateable<AccidentTable>): Promise<number> {
    const result = await this.db.updateTable('accidents').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Adds extension days unless the total would pass `max` or the report is already in; 0 rows when refused. */
  async addExtensionDays(id: string, days: number, max: number, at: string): Promise<number> {
    const result = await this.db
      .updateTable('accidents')
      .set((eb) => ({ investigation_extension_days: eb('investigation_extension_days', '+', days), version: eb('version', '+', 1), updated_at: at }))
      .where('id', '=', id)
      .where('investigation_extension_days', '<=', max - days)
      .where('investigation_submitted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async markInvestigationSubmitted(id: string, submittedAt: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable('accidents')
      .set((eb) => ({ investigation_submitted_at: submittedAt, version: eb('version', '+', 1), updated_at: at }))
      .where('id', '=', id)
      .where('investigation_submitted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async markReplied(id: string, repliedAt: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable('accidents')
      .set((eb) => ({ replied_at: repliedAt, version: eb('version', '+', 1), updated_at: at }))
      .where('id', '=', id)
      .where('investigation_submitted_at', 'is not', null)
      .where('replied_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async insertRevision(row: Insertable<AccidentRevisionTable>): Promise<void> {
    await this.db.insertInto('accident_revisions').values(row).execute();
  }

  revisionsOf(accidentId: string) {
    return this.db.selectFrom('accident_revisions').selectAll().where('accident_id', '=', accidentId).orderBy('seq').execute();
  }

  /** The first report (revision 1) of each accident. */
  async firstRevisions(accidentIds: readonly string[]): Promise<Map<string, RevisionRow>> {
    const found = new Map<string, RevisionRow>();
    if (accidentIds.length === 0) return found;
    const rows = await this.db.selectFrom('accident_revisions').selectAll().where('accident_id', 'in', accidentIds).where('seq', '=', 1).execute();
    for (const row of rows) found.set(row.accident_id, row);
    return found;
  }

  /** Inserts the level's report; false when that level's report is already recorded. */
  async insertLevelReport(row: Insertable<AccidentLevelReportTable>): Promise<boolean> {
    const inserted = await this.db
      .insertInto('accident_level_reports')
      .values(row)
      .onConflict((oc) => oc.columns(['accident_id', 'level']).doNothing())
      .returning('id')
      .execute();
    return inserted.length > 0;
  }

  async levelReports(accidentIds: readonly string[]): Promise<LevelReportRow[]> {
    const rows: LevelReportRow[] = [];
    for (let i = 0; i < accidentIds.length; i += IN_BATCH) {
      rows.push(...(await this.db.selectFrom('accident_level_reports').selectAll().where('accident_id', 'in', accidentIds.slice(i, i + IN_BATCH)).execute()));
    }
    return rows;
  }

  async insertExtension(row: Insertable<AccidentInvestigationExtensionTable>): Promise<void> {
    await this.db.insertInto('accident_investigation_extensions').values(row).execute();
  }

  extensionsOf(accidentId: string) {
    return this.db.selectFrom('accident_investigation_extensions').selectAll().where('accident_id', '=', accidentId).orderBy('recorded_at').orderBy('id').execute();
  }
}
