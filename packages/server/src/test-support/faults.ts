import SQLite from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Dialect as KyselyDialect, type QueryResult } from 'kysely';
import pg from 'pg';

/** The failures a database really answers with, as its driver reports them. */
export const FAULT_CODES = {
  SQLITE_BUSY: 'database is locked',
  SQLITE_IOERR: 'disk I/O error',
  SQLITE_FULL: 'database or disk is full',
  '40001': 'could not serialize access due to concurrent update',
  '40P01': 'deadlock detected',
  '53100': 'could not extend file "base/16384/16385": No space left on device',
  '58030': 'could not read block 0 in file "base/16384/16385": Input/output error',
} as const;

export type FaultCode = keyof typeof FAULT_CODES;

/** The codes of each kind of fault on each engine (db/errors.ts classifies them back). */
export const FAULTS_BY_ENGINE = {
  sqlite: { busy: ['SQLITE_BUSY'], full: ['SQLITE_FULL'], io: ['SQLITE_IOERR'] },
  postgres: { busy: ['40001', '40P01'], full: ['53100'], io: ['58030'] },
} as const satisfies Record<'sqlite' | 'postgres', Record<'busy' | 'full' | 'io', readonly FaultCode[]>>;

export interface FaultRule {
  code: FaultCode;
  /** Only statements whose SQL matches count, e.g. /^insert into "hazards"/; without it, every statement (begin and commit included). */
  match?: RegExp;
  /** The first counted statement to fail: 1 (default) is the first one after `arm`. */
  nth?: number;
  /** How many counted statements fail from the n-th on: 1 (default), or 'always'. */
  times?: number | 'always';
}

function driverError(code: FaultCode): Error {
  const message = `${FAULT_CODES[code]} (injected)`;
  if (code.startsWith('SQLITE_')) return new SQLite.SqliteError(message, code);
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  error.severity = 'ERROR';
  return error;
}

/**
 * The error-injecting database adapter (SECURITY.md rows 23 and 26): it sits between Kysely and
 * the real better-sqlite3 or pg driver and makes a chosen statement fail the way the database
 * would, with the database's own error class and code. After the failure the real connection is in
 * the state the real fault leaves: on SQLite a full disk or an I/O error rolls the transaction
 * back (SQLite may do this by itself), on PostgreSQL any error aborts the transaction.
 */
export class FaultInjector {
  private rule: FaultRule | null = null;
  private counted = 0;
  private left = 0;
  /** Statements that failed by injection since the injector was made. */
  injected = 0;

  arm(rule: FaultRule): void {
    this.rule = rule;
    this.counted = 0;
    this.left = rule.times === 'always' ? Number.POSITIVE_INFINITY : (rule.times ?? 1);
  }

  disarm(): void {
    this.rule = null;
  }

  /** Puts the injector in front of a dialect's driver; pass it as `wrapDialect` to `openDatabase`. */
  readonly wrap = (dialect: KyselyDialect): KyselyDialect => ({
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => {
      const driver = dialect.createDriver();
      const acquire = driver.acquireConnection.bind(driver);
      const watched = new WeakSet<DatabaseConnection>();
      // The driver runs begin, commit and rollback through the connection too, so they can fail as well.
      driver.acquireConnection = async () => {
        const connection = await acquire();
        if (!watched.has(connection)) {
          watched.add(connection);
          this.watch(connection);
        }
        return connection;
      };
      return driver;
    },
  });

  private watch(connection: DatabaseConnection): void {
    const execute = connection.executeQuery.bind(connection);
    connection.executeQuery = async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
      const fault = this.due(query.sql);
      if (fault) {
        await this.leaveStateOf(fault, execute);
        throw driverError(fault);
      }
      return execute<R>(query);
    };
  }

  private due(text: string): FaultCode | null {
    const rule = this.rule;
    if (!rule || this.left <= 0 || (rule.match && !rule.match.test(text))) return null;
    this.counted += 1;
    if (this.counted < (rule.nth ?? 1)) return null;
    this.left -= 1;
    this.injected += 1;
    return rule.code;
  }

  private async leaveStateOf(code: FaultCode, execute: DatabaseConnection['executeQuery']): Promise<void> {
    const statement = code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' ? 'rollback' : code.startsWith('SQLITE_') ? null : 'select 1/0';
    // Outside a transaction these fail too, harmlessly.
    if (statement) await execute(CompiledQuery.raw(statement)).catch(() => undefined);
  }
}
