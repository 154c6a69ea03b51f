import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { PostgresDialect, SqliteDialect, sql, type Dialect as KyselyDialect, type Kysely } from 'kysely';
import { createManagedKysely, type DbUnit } from './connections.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import type { Database } from './schema.js';
import { cachingStatements } from './statement-cache.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  url: string;
  /** A transaction held across a request's handler (db/connections.ts); only http/idempotency.ts uses it. */
  openUnit(): Promise<DbUnit>;
  /** Drops the prepared statements kept for reuse (SQLite), whose plans predate new planner statistics. */
  forgetPlans(): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Tests put the error-injecting adapter (test-support/faults.ts) between Kysely and the driver. */
  wrapDialect?: (dialect: KyselyDialect) => KyselyDialect;
  retry?: RetryPolicy;
}

// PostgreSQL returns bigint and numeric as strings; every count in Shoutu fits a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

export function sqliteFile(url: string): string {
  return url.replace(/^sqlite:/, '');
}

export function openDatabase(url: string, options: OpenOptions = {}): Db {
  const wrap = options.wrapDialect ?? ((dialect) => dialect);
  const retry = options.retry ?? DEFAULT_RETRY;
  if (dialectOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // The pool drops a connection the server ended while idle (restart, failover, an operator) and
    // opens a new one for the next query; left unhandled, this 'error' event would end the process.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`));
    const { kysely, openUnit } = createManagedKysely(wrap(new PostgresDialect({ pool })), 'postgres', retry);
    // PostgreSQL plans unnamed statements anew each time.
    return { kysely, dialect: 'postgres', url, openUnit, forgetPlans: () => undefined, close: () => kysely.destroy() };
  }
  const file = sqliteFile(url);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new SQLite(file);
  // Durable by default (SECURITY.md row 22): WAL journal with a full sync at every commit.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const statements = cachingStatements(database);
  const { kysely, openUnit } = createManagedKysely(wrap(new SqliteDialect({ database: statements })), 'sqlite', retry);
  return { kysely, dialect: 'sqlite', url, openUnit, forgetPlans: () => statements.forget(), close: () => kysely.destroy() };
}

export async function checkDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
