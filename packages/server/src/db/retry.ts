import { setTimeout as sleep } from 'node:timers/promises';
import { databaseFault } from './errors.js';

/** How often, and how patiently, work that met a busy database is run again. */
export interface RetryPolicy {
  /** Runs in all, the first included. */
  attempts: number;
  /** The wait before the second run; it doubles for each later run, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Four runs and at most about 0.1 s of waiting: SQLite has already waited up to its busy_timeout
 * inside each run, and a PostgreSQL serialization failure or deadlock clears as soon as the other
 * transaction ends. Past that, the client is told to come back (503 with Retry-After) instead of
 * holding its request open.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 15, maxDelayMs: 250 };

/** Half the capped exponential delay plus a random half, so that writers that collided do not collide again in step. */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(cap / 2 + random() * (cap / 2));
}

/**
 * Runs `work` again while it fails with a busy database (db/errors.ts), at most `policy.attempts`
 * times in all; any other failure, or the last busy one, is thrown. `work` must be safe to run
 * again from its start: a whole transaction (rolled back when it failed) or a single statement.
 */
export async function withRetry<T>(work: (attempt: number) => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= policy.attempts || databaseFault(error) !== 'busy') throw error;
      await sleep(retryDelayMs(attempt, policy));
    }
  }
}
