import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The tables a backup holds, in an order that satisfies foreign keys on restore, each with the
 * key that orders its rows. A test checks that every table of the schema is listed here or in
 * TRANSIENT_TABLES, so a new module's table cannot be left out of backups unnoticed.
 */
export const BACKUP_TABLES = [
  { table: 'regions', key: ['code'] },
  { table: 'units', key: ['id'] },
  { table: 'users', key: ['id'] },
  { table: 'audit_log', key: ['seq'] },
  // Without it a purged chain would not verify after a restore.
  { table: 'audit_anchor', key: ['id'] },
  { table: 'enterprises', key: ['id'] },
  { table: 'enterprise_supervisors', key: ['id'] },
  { table: 'industry_supervision', key: ['id'] },
  { table: 'enterprise_import_reports', key: ['id'] },
  { table: 'risk_thresholds', key: ['region_code'] },
  { table: 'risk_points', key: ['id'] },
  { table: 'risk_assessments', key: ['id'] },
  // Before inspections and hazards, which refer to it.
  { table: 'campaigns', key: ['id'] },
  { table: 'inspections', key: ['id'] },
  { table: 'inspection_items', key: ['inspection_id', 'number'] },
  { table: 'hazards', key: ['id'] },
  { table: 'hazard_events', key: ['id'] },
  { table: 'hazard_counts', key: ['region_code', 'grade', 'overdue'] },
  { table: 'hazard_inbox_counts', key: ['region_code', 'queue'] },
  { table: 'enforcement_cases', key: ['id'] },
  { table: 'hazard_settings', key: ['region_code'] },
  { table: 'hazard_photos', key: ['id'] },
  { table: 'accidents', key: ['id'] },
  { table: 'accident_revisions', key: ['id'] },
  { table: 'accident_level_reports', key: ['id'] },
  { table: 'accident_investigation_extensions', key: ['id'] },
  { table: 'accident_targets', key: ['id'] },
  { table: 'duty_templates', key: ['id'] },
  { table: 'duty_lists', key: ['id'] },
  { table: 'responsibility_letters', key: ['id'] },
  { table: 'region_leaders', key: ['id'] },
  { table: 'accountability_records', key: ['id'] },
  { table: 'training_courses', key: ['id'] },
  { table: 'training_sessions', key: ['id'] },
  { table: 'training_attendance', key: ['id'] },
  { table: 'training_certificates', key: ['id'] },
  { table: 'persons', key: ['id'] },
  // Without them the fields of persons registered since decision 0020 would not open after a restore.
  { table: 'person_keys', key: ['person_id'] },
  { table: 'person_category_history', key: ['id'] },
  { table: 'person_measure_plans', key: ['id'] },
  { table: 'exposures', key: ['id'] },
  // Before the designations and itineraries that name a place.
  { table: 'named_places', key: ['id'] },
  { table: 'followups', key: ['id'] },
  { table: 'checkpoints', key: ['id'] },
  { table: 'checkpoint_tokens', key: ['id'] },
  { table: 'arrivals', key: ['id'] },
  { table: 'arrival_itinerary', key: ['id'] },
  { table: 'alerts', key: ['id'] },
  { table: 'travel_checks', key: ['id'] },
  { table: 'area_risk_levels', key: ['id'] },
  { table: 'destruction_records', key: ['id'] },
  // Derived from the rows above, but kept so a restored dashboard needs no rebuild.
  { table: 'epidemic_counters', key: ['id'] },
  { table: 'export_requests', key: ['id'] },
] as const satisfies ReadonlyArray<{ table: keyof Database; key: readonly string[] }>;

/** Sessions, replay records, the purge permit and the migrator's own tables are not data to restore. */
export const TRANSIENT_TABLES = ['sessions', 'idempotency_keys', 'audit_purge_permit', 'kysely_migration', 'kysely_migration_lock'];

export type BackupTable = (typeof BACKUP_TABLES)[number]['table'];

export class BackupRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async *rows(table: BackupTable, key: readonly string[], pageSize = 2000): AsyncGenerator<Record<string, unknown>> {
    let after: unknown[] | null = null;
    const db = this.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for (;;) {
      let query = db.selectFrom(table).selectAll().limit(pageSize);
      for (const column of key) query = query.orderBy(column);
      if (after !== null) {
        const last = after;
        // Row-value comparison pages correctly over composite keys on both engines.
        query = query.where(({ eb, refTuple, tuple }) =>
          key.length === 1 ? eb(key[0]!, '>', last[0]) : eb(refTuple(key[0]!, key[1]!), '>', tuple(last[0], last[1])),
        );
      }
      const page = await query.execute();
      if (page.length === 0) return;
      yield* page;
      const tail = page[page.length - 1]!;
      after = key.map((column) => tail[column]);
    }
  }

  async tableNames(): Promise<string[]> {
    return (await this.db.introspection.getTables()).map((t) => t.name);
  }

  async insert(table: BackupTable, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const db = this.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await db.insertInto(table).values(rows).execute();
  }

  async count(table: BackupTable): Promise<number> {
    const db = this.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
