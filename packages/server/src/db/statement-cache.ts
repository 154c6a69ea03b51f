import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running an indexed
 * read (a travel check's four reads spent 60 % of their database time in `prepare`). This keeps
 * the most recent prepared statements by SQL text. A statement still iterating (a streamed read)
 * is busy and cannot be shared, so that caller gets a fresh one.
 */
export function cachingStatements(database: SQLiteDatabase, capacity = 500): SqliteDatabase & { forget(): void } {
  const cache = new Map<string, Statement>();
  return {
    close: () => database.close(),
    /** A statement keeps the plan it was prepared with: after new planner statistics, prepare anew. */
    forget: () => cache.clear(),
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        // Map keeps insertion order: re-inserting marks the statement as most recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = database.prepare(sql);
      if (!hit) {
        cache.set(sql, statement);
        if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
