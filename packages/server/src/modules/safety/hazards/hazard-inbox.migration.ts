import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/**
 * '0015-safety-hazard-inbox': 我的待办 from counters and index walks (decision 0032).
 * `hazard_inbox_counts` holds the hazards per community in each of the regulators' queues
 * (hazard-inbox.queues.ts), filled from the hazards already there. Four indexes give each
 * section its most urgent rows in order: the open hazards per escalation level by deadline, the
 * extension requests by deadline, those awaiting acceptance by due time (the old index lacked the
 * id, so rows due at the same time were sorted in full) and the found ones by when they were
 * found (the list's index, which gains the region too). Each ends with the region, so the walk of
 * a district or town passes over other grounds' rows in the index without reading them (海州区's
 * overdue page at a million hazards: 8.7 → 0.4 ms on SQLite).
 */
export function hazardInboxMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('hazard_inbox_counts')
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('queue', 'text', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('hazard_inbox_counts_pk', ['region_code', 'queue'])
        .execute();
      await sql`insert into hazard_inbox_counts (region_code, queue, n)
        select region_code, 'to_decide', count(*) from hazards where status = 'found' or (status = 'rectifying' and pending_extension is not null) group by region_code
        union all select region_code, 'to_accept', count(*) from hazards where status = 'awaiting_acceptance' group by region_code
        union all select region_code, 'acceptance_overdue', count(*) from hazards where status = 'awaiting_acceptance' and acceptance_overdue_at is not null group by region_code
        union all select region_code, 'escalated', count(*) from hazards where status <> 'closed' and escalation_level is not null group by region_code`.execute(db);
      await db.schema.createIndex('hazards_open_by_escalation').on('hazards').columns(['escalation_level', 'deadline', 'id', 'region_code']).where(sql.ref('status'), '<>', 'closed').execute();
      await db.schema.createIndex('hazards_extension_requests').on('hazards').columns(['status', 'deadline', 'id', 'region_code']).where(sql.ref('pending_extension'), 'is not', null).execute();
      await replaceIndex(db, 'hazards_status_acceptance_due', ['status', 'acceptance_due_at', 'id', 'region_code']);
      await replaceIndex(db, 'hazards_status_found', ['status', 'found_at', 'id', 'region_code']);
    },
    async down(db: Kysely<any>): Promise<void> {
      await replaceIndex(db, 'hazards_status_found', ['status', 'found_at', 'id']);
      await replaceIndex(db, 'hazards_status_acceptance_due', ['status', 'acceptance_due_at']);
      await db.schema.dropIndex('hazards_extension_requests').execute();
      await db.schema.dropIndex('hazards_open_by_escalation').execute();
      await db.schema.dropTable('hazard_inbox_counts').execute();
    },
  };
}

async function replaceIndex(db: Kysely<any>, name: string, columns: string[]): Promise<void> {
  await db.schema.dropIndex(name).execute();
  await db.schema.createIndex(name).on('hazards').columns(columns).execute();
}
