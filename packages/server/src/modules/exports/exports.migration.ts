import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../db/database.js';

/** Export requests: the exports page lists a requester's own newest first and an approver's ground's pending ones. */
export function exportsMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('export_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('filter', 'text', (c) => c.notNull())
        .addColumn('unmasked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reason', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('requester_name', 'text', (c) => c.notNull())
        .addColumn('decided_by_id', 'text', (c) => c.references('users.id'))
        .addColumn('decided_by_name', 'text')
        .addColumn('decision_reason', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('expires_at', 'text')
        .addColumn('produced_at', 'text')
        .addColumn('file_rows', 'integer')
        .addColumn('file_sha256', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('export_requests_requester').on('export_requests').columns(['requester_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('export_requests_region_status').on('export_requests').columns(['region_code', 'status', 'created_at', 'id']).execute();
    },
  };
}
