import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/**
 * '0011-safety-training': the course library, sessions with their rosters, and safety
 * certificates. Region codes compare bytewise (ground scope selects a subtree as a range of codes).
 */
export function trainingMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('training_courses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('duration_minutes', 'integer', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('file_ref', 'text')
        .addColumn('summary', 'text')
        .addColumn('owner_region_code', codeType, (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('training_courses_created').on('training_courses').columns(['created_at', 'id']).execute();

      await db.schema
        .createTable('training_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('course_id', 'text', (c) => c.notNull().references('training_courses.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text')
        .addColumn('required_minutes', 'integer', (c) => c.notNull())
        .addColumn('targets', 'text', (c) => c.notNull())
        .addColumn('organiser_unit_id', 'text', (c) => c.references('units.id'))
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      // Lists page newest first within the ground.
      await db.schema.createIndex('training_sessions_region_starts').on('training_sessions').columns(['region_code', 'starts_at', 'id']).execute();

      await db.schema
        .createTable('training_attendance')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('group_kind', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('watched_minutes', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attended_at', 'text')
        .addColumn('recorded_by', 'text')
        .addColumn('recorded_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        // An account is on a roster once.
        .addUniqueConstraint('training_attendance_session_user', ['session_id', 'user_id'])
        .execute();
      // "My sessions" reads an account's rows newest first.
      await db.schema.createIndex('training_attendance_user').on('training_attendance').columns(['user_id', 'created_at']).execute();

      await db.schema
        .createTable('training_certificates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('owner_kind', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('enterprise_id', 'text', (c) => c.references('enterprises.id'))
        .addColumn('unit_id', 'text', (c) => c.references('units.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('operation_type', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('holder_name_enc', 'text', (c) => c.notNull())
        .addColumn('holder_id_number_enc', 'text', (c) => c.notNull())
        .addColumn('holder_id_number_hash', 'text', (c) => c.notNull())
        .addColumn('certificate_no_enc', 'text')
        .addColumn('issuing_authority', 'text')
        .addColumn('issued_on', 'text', (c) => c.notNull())
        .addColumn('expires_on', 'text', (c) => c.notNull())
        .addColumn('review_due_on', 'text')
        .addColumn('last_reviewed_on', 'text')
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('training_certificates_holder', ['owner_id', 'kind', 'operation_type', 'holder_id_number_hash'])
        .execute();
      // Lists and alerts order by the due date inside a region; a holder is found by the keyed hash.
      await db.schema.createIndex('training_certificates_region_due').on('training_certificates').columns(['region_code', 'due_on', 'id']).execute();
      await db.schema.createIndex('training_certificates_holder_hash').on('training_certificates').columns(['holder_id_number_hash']).execute();
    },
  };
}
