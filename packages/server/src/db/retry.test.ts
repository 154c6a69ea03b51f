import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { databaseFault } from './errors.js';
import { retryDelayMs, withRetry, type RetryPolicy } from './retry.js';

const pgError = (code: string) => Object.assign(new pg.DatabaseError('injected', 8, 'error'), { code });
const FAST: RetryPolicy = { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 };

describe('database faults and bounded retries (SECURITY.md rows 23 and 26)', () => {
  it.each([
    [new SQLite.SqliteError('database is locked', 'SQLITE_BUSY'), 'busy'],
    [new SQLite.SqliteError('database is locked', 'SQLITE_BUSY_SNAPSHOT'), 'busy'],
    [pgError('40001'), 'busy'],
    [pgError('40P01'), 'busy'],
    [new SQLite.SqliteError('database or disk is full', 'SQLITE_FULL'), 'full'],
    [pgError('53100'), 'full'],
    [new SQLite.SqliteError('disk I/O error', 'SQLITE_IOERR_WRITE'), 'io'],
    [pgError('58030'), 'io'],
    [new SQLite.SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'), null],
    [pgError('23505'), null],
    [new Error('no code'), null],
  ] as const)('classifies %s as %s', (error, fault) => {
    expect(databaseFault(error)).toBe(fault);
  });

  it('runs work again while the database is busy, and returns its result', async () => {
    let runs = 0;
    const result = await withRetry(async () => {
      runs += 1;
      if (runs < 3) throw pgError('40001');
      return 'done';
    }, FAST);
    expect(result).toBe('done');
    expect(runs).toBe(3);
  });

  it('gives up after the bounded number of runs with the busy error itself', async () => {
    let runs = 0;
    const busy = new SQLite.SqliteError('database is locked', 'SQLITE_BUSY');
    await expect(withRetry(async () => {
      runs += 1;
      throw busy;
    }, FAST)).rejects.toBe(busy);
    expect(runs).toBe(FAST.attempts);
  });

  it('never retries a full disk, an I/O error or an ordinary failure', async () => {
    for (const error of [new SQLite.SqliteError('full', 'SQLITE_FULL'), pgError('58030'), pgError('23505'), new Error('bug')]) {
      let runs = 0;
      await expect(withRetry(async () => {
        runs += 1;
        throw error;
      }, FAST)).rejects.toBe(error);
      expect(runs).toBe(1);
    }
  });

  it('waits between half and all of a doubling, capped delay', () => {
    const policy: RetryPolicy = { attempts: 6, baseDelayMs: 10, maxDelayMs: 50 };
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([5, 10, 20, 25]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 1))).toEqual([10, 20, 40, 50]);
  });
});
