import { acceptanceDueAt, DEFAULT_HAZARD_SETTINGS, type HazardGrade } from '@shoutu/domain';
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/**
 * '0006-safety-settings': the local time limits of hazard governance as data (`hazard_settings`),
 * and the acceptance clock on each hazard (due time, and when the scheduled job flagged it).
 * Hazards already awaiting acceptance get the default wait counted from their submission.
 */
export function hazardSettingsMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      // One column per statement: SQLite adds one at a time.
      await db.schema.alterTable('hazards').addColumn('acceptance_due_at', 'text').execute();
      await db.schema.alterTable('hazards').addColumn('acceptance_overdue_at', 'text').execute();
      // The flagging job and the "acceptance overdue" filter find waiting hazards by their due time.
      await db.schema.createIndex('hazards_status_acceptance_due').on('hazards').columns(['status', 'acceptance_due_at']).execute();

      await db.schema
        .createTable('hazard_settings')
        .addColumn('region_code', codeType, (c) => c.primaryKey())
        .addColumn('city_escalation_after_days', 'integer', (c) => c.notNull())
        .addColumn('acceptance_wait_general_working_days', 'integer', (c) => c.notNull())
        .addColumn('acceptance_wait_major_working_days', 'integer', (c) => c.notNull())
        .addColumn('listing_publish_within_working_days', 'integer', (c) => c.notNull())
        .addColumn('listing_delisting_publish_within_working_days', 'integer', (c) => c.notNull())
        .addColumn('listing_extension_request_lead_working_days', 'integer', (c) => c.notNull())
        .addColumn('listing_extension_decision_within_working_days', 'integer', (c) => c.notNull())
        .addColumn('listing_source', 'text', (c) => c.notNull())
        .addColumn('listing_verify', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();

      const waiting = (await db.selectFrom('hazards').select(['id', 'grade', 'rectification']).where('status', '=', 'awaiting_acceptance').execute()) as Array<{ id: string; grade: HazardGrade; rectification: string | null }>;
      for (const row of waiting) {
        const submittedAt = row.rectification === null ? null : (JSON.parse(row.rectification) as { submittedAt?: string }).submittedAt;
        if (!submittedAt) continue;
        const due = acceptanceDueAt(new Date(submittedAt), row.grade, DEFAULT_HAZARD_SETTINGS.acceptanceWait).toISOString();
        await db.updateTable('hazards').set({ acceptance_due_at: due }).where('id', '=', row.id).execute();
      }
    },
  };
}
