/** A unique constraint refused the write: SQLite's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY, PostgreSQL's 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * A failure of the database rather than of the statement (SECURITY.md rows 23 and 26):
 * - `busy`: another writer holds the lock (SQLITE_BUSY and its extended codes) or PostgreSQL gave
 *   up on this transaction to let another finish (40001 serialization failure, 40P01 deadlock).
 *   Nothing was written, and the same transaction run again is expected to succeed.
 * - `full`: no space left (SQLITE_FULL, PostgreSQL 53100 disk_full).
 * - `io`: the storage failed (SQLITE_IOERR and its extended codes, PostgreSQL 58030 io_error).
 */
export type DatabaseFault = 'busy' | 'full' | 'io';

export function databaseFault(error: unknown): DatabaseFault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === '40001' || code === '40P01') return 'busy';
  if (code === 'SQLITE_FULL' || code === '53100') return 'full';
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR_') || code === '58030') return 'io';
  return null;
}
