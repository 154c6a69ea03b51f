import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  DefaultQueryExecutor,
  Kysely,
  type ConnectionProvider,
  type DatabaseConnection,
  type Dialect as KyselyDialect,
  type Driver,
  type TransactionSettings,
} from 'kysely';
import { withRetry, type RetryPolicy } from './retry.js';
import type { Database } from './schema.js';

/**
 * One request's own database transaction, held open across its handler so that what the handler
 * writes and what the request answers commit together (the Idempotency-Key store, http/idempotency.ts).
 * Every query of the code that `run` calls uses the unit's connection; a service's transaction
 * becomes a savepoint inside it.
 */
export interface DbUnit {
  run<T>(work: () => Promise<T>): Promise<T>;
  commit(): Promise<void>;
  /** Ends the unit without keeping anything; harmless when it has already ended. */
  rollback(): Promise<void>;
}

interface OpenUnit {
  connection: DatabaseConnection;
  open: boolean;
  savepoints: number;
  /** Set when the database ended the unit's transaction on its own (see `ManagedDriver.rollbackTransaction`). */
  lost: unknown;
}

const run = (connection: DatabaseConnection, text: string) => connection.executeQuery(CompiledQuery.raw(text));

/** SQLite answers ROLLBACK this way when it already rolled back by itself after a full disk or an I/O error. */
function isNothingToRollBack(error: unknown): boolean {
  return /no transaction is active|no such savepoint/i.test((error as Error | null)?.message ?? '');
}

/**
 * The dialect's driver, initialised on first use (as Kysely does for its own), whose transactions
 * on a unit's connection are savepoints, and whose rollback does not hide the error that caused it.
 */
class ManagedDriver implements Driver {
  private initialised: Promise<void> | null = null;

  constructor(
    private readonly inner: Driver,
    private readonly unitOf: (connection: DatabaseConnection) => OpenUnit | undefined,
  ) {}

  init(): Promise<void> {
    this.initialised ??= this.inner.init().catch((error: unknown) => {
      this.initialised = null;
      throw error;
    });
    return this.initialised;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.init();
    return this.inner.acquireConnection();
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const unit = this.unitOf(connection);
    if (!unit) return this.inner.beginTransaction(connection, settings);
    unit.savepoints += 1;
    await run(connection, `savepoint unit_${unit.savepoints}`);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const unit = this.unitOf(connection);
    if (!unit) return this.inner.commitTransaction(connection);
    await run(connection, `release savepoint unit_${unit.savepoints}`);
    unit.savepoints -= 1;
  }

  /**
   * A failed transaction is rolled back; if the database already did it (SQLite may, after SQLITE_FULL
   * or SQLITE_IOERR: sqlite.org/lang_transaction.html), the ROLLBACK's own error is dropped, so that
   * Kysely throws the error that explains the failure instead. A unit whose transaction was ended
   * that way is marked lost: nothing more may run in it.
   */
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const unit = this.unitOf(connection);
    try {
      if (!unit) return await this.inner.rollbackTransaction(connection);
      await run(connection, `rollback to savepoint unit_${unit.savepoints}`);
      await run(connection, `release savepoint unit_${unit.savepoints}`);
    } catch (error) {
      if (!isNothingToRollBack(error)) throw error;
      if (unit) unit.lost = error;
    } finally {
      if (unit) unit.savepoints -= 1;
    }
  }

  async destroy(): Promise<void> {
    if (!this.initialised) return;
    await this.initialised;
    await this.inner.destroy();
  }
}

/**
 * Where every query and every transaction of the app gets its connection, hence the one place that
 * retries a busy database (SECURITY.md row 23): the whole transaction — begin, the service's
 * callback, commit — or the single statement runs again after a short jittered pause. Inside a
 * unit the unit's connection is used and nothing is retried: the unit holds the only copy of the
 * request's earlier work, so the request fails (503) and its client retries it whole.
 */
class CentralConnectionProvider implements ConnectionProvider {
  constructor(
    private readonly driver: Driver,
    private readonly units: AsyncLocalStorage<OpenUnit>,
    private readonly policy: RetryPolicy,
  ) {}

  async provideConnection<T>(consumer: (connection: DatabaseConnection) => Promise<T>): Promise<T> {
    const unit = this.units.getStore();
    if (unit?.open) {
      if (unit.lost) throw unit.lost;
      return consumer(unit.connection);
    }
    return withRetry(async () => {
      const connection = await this.driver.acquireConnection();
      try {
        return await consumer(connection);
      } finally {
        await this.driver.releaseConnection(connection);
      }
    }, this.policy);
  }
}

export interface ManagedKysely {
  kysely: Kysely<Database>;
  openUnit(): Promise<DbUnit>;
}

/**
 * A Kysely instance built from its public parts so that its connections come from the
 * CentralConnectionProvider; `withPlugin` and friends keep that provider.
 */
export function createManagedKysely(dialect: KyselyDialect, engine: 'sqlite' | 'postgres', policy: RetryPolicy): ManagedKysely {
  const units = new AsyncLocalStorage<OpenUnit>();
  const openUnits = new Map<DatabaseConnection, OpenUnit>();
  const driver = new ManagedDriver(dialect.createDriver(), (connection) => openUnits.get(connection));
  const executor = new DefaultQueryExecutor(dialect.createQueryCompiler(), dialect.createAdapter(), new CentralConnectionProvider(driver, units, policy));
  const kysely = new Kysely<Database>({ config: { dialect }, dialect, driver, executor });

  // SQLite: take the write lock at the start, so that no statement inside can meet a busy database.
  const begin = engine === 'sqlite' ? 'begin immediate' : 'begin';
  const openUnit = () =>
    withRetry(async () => {
      const connection = await driver.acquireConnection();
      try {
        await run(connection, begin);
      } catch (error) {
        await driver.releaseConnection(connection);
        throw error;
      }
      const unit: OpenUnit = { connection, open: true, savepoints: 0, lost: null };
      openUnits.set(connection, unit);
      const end = async (statement: 'commit' | 'rollback') => {
        if (!unit.open) return;
        unit.open = false;
        try {
          await run(connection, statement);
        } catch (error) {
          if (statement === 'rollback') {
            if (!isNothingToRollBack(error)) throw error;
            return;
          }
          // A failed commit kept nothing; the transaction is ended before the connection goes back.
          await run(connection, 'rollback').catch(() => undefined);
          throw error;
        } finally {
          openUnits.delete(connection);
          await driver.releaseConnection(connection);
        }
      };
      return {
        run: <T>(work: () => Promise<T>) => units.run(unit, work),
        commit: () => end('commit'),
        rollback: () => end('rollback'),
      } satisfies DbUnit;
    }, policy);
  return { kysely, openUnit };
}
