import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Regions, units, users, sessions, the audit trail (with its purge anchor) and idempotency keys. Region-code columns
 * compare bytewise ("C" collation on PostgreSQL, SQLite's default BINARY) because ground scoping
 * selects a subtree as a range of codes.
 */
export function foundationMigration(dialect: Dialect) {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('regions')
        .addColumn('code', codeType, (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('parent_code', codeType)
        .addColumn('child_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('regions_parent').on('regions').columns(['parent_code', 'code']).execute();

      await db.schema
        .createTable('units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('matters', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('member_region_codes', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.createIndex('units_region').on('units').columns(['region_code', 'id']).execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('ground_region_codes', 'text', (c) => c.notNull())
        .addColumn('home_region_code', codeType, (c) => c.notNull())
        .addColumn('department_id', 'text', (c) => c.references('units.id'))
        .addColumn('enterprise_id', 'text')
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'text')
        .addColumn('password_changed_at', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('totp_secret_enc', 'text')
        .addColumn('totp_last_step', 'integer')
        .addColumn('totp_enrolled_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();

      await db.schema.createIndex('users_home_region').on('users').columns(['home_region_code', 'username']).execute();

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('second_factor_pending', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_username', 'text')
        .addColumn('ip', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('object_type', 'text')
        .addColumn('object_id', 'text')
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

      // Where verification starts once `shoutu audit purge` has removed the oldest rows (SECURITY.md row 13).
      await db.schema
        .createTable('audit_anchor')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('purged_at', 'text', (c) => c.notNull())
        .addCheckConstraint('audit_anchor_one_row', sql`id = 1`)
        .execute();

      // Append-only (SECURITY.md row 11): the database itself refuses to change or remove a row.
      // The one exception is the purge of a prefix of the chain, which authorises itself inside
      // its own transaction (a session setting on PostgreSQL, a permit row on SQLite) and moves
      // the anchor forward in the same transaction.
      if (dialect === 'postgres') {
        await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
          begin
            if tg_op = 'DELETE' then
              if old.seq <= coalesce(nullif(current_setting('shoutu.audit_purge_upto', true), '')::bigint, 0) then
                return old;
              end if;
            end if;
            raise exception 'audit_log is append-only';
          end $$`.execute(db);
        await sql`create trigger audit_log_no_change before update or delete on audit_log
          for each row execute function audit_log_append_only()`.execute(db);
        await sql`create trigger audit_log_no_truncate before truncate on audit_log
          for each statement execute function audit_log_append_only()`.execute(db);
        await sql`create function audit_anchor_forward_only() returns trigger language plpgsql as $$
          begin
            if tg_op = 'UPDATE' then
              if new.seq > old.seq and new.seq = coalesce(nullif(current_setting('shoutu.audit_purge_upto', true), '')::bigint, -1) then
                return new;
              end if;
            end if;
            raise exception 'audit_anchor moves only with a purge';
          end $$`.execute(db);
        await sql`create trigger audit_anchor_no_change before update or delete on audit_anchor
          for each row execute function audit_anchor_forward_only()`.execute(db);
      } else {
        await sql`create table audit_purge_permit (id integer primary key check (id = 1), upto_seq integer not null)`.execute(db);
        await sql`create trigger audit_log_no_update before update on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
        await sql`create trigger audit_log_no_delete before delete on audit_log
          when not exists (select 1 from audit_purge_permit where old.seq <= upto_seq)
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
        await sql`create trigger audit_anchor_no_update before update on audit_anchor
          when new.seq <= old.seq or not exists (select 1 from audit_purge_permit where upto_seq = new.seq)
          begin select raise(abort, 'audit_anchor moves only with a purge'); end`.execute(db);
        await sql`create trigger audit_anchor_no_delete before delete on audit_anchor
          begin select raise(abort, 'audit_anchor moves only with a purge'); end`.execute(db);
      }

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('actor_key', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('response_body', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['actor_key', 'idempotency_key'])
        .execute();
    },
  };
}
