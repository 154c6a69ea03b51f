import { sql } from 'kysely';
import type { Db, Dialect } from './database.js';

/**
 * The database settings a committed change depends on to survive a power cut (SECURITY.md
 * row 22). SQLite: a WAL journal synced at every commit, and foreign keys enforced. PostgreSQL:
 * fsync and full-page writes on, and a commit that waits for its WAL flush.
 */
export interface DurabilityCheck {
  setting: string;
  value: string;
  expected: string;
  ok: boolean;
}

export interface DurabilityReport {
  ok: boolean;
  checks: DurabilityCheck[];
}

const SQLITE_SETTINGS = ['journal_mode', 'synchronous', 'foreign_keys'] as const;
const POSTGRES_SETTINGS = ['fsync', 'full_page_writes', 'synchronous_commit'] as const;

export async function readDurabilitySettings(db: Db): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  // Names come from the constant lists above, never from input.
  for (const name of db.dialect === 'sqlite' ? SQLITE_SETTINGS : POSTGRES_SETTINGS) {
    const statement = db.dialect === 'sqlite' ? sql`pragma ${sql.raw(name)}` : sql`show ${sql.raw(name)}`;
    const { rows } = await statement.execute(db.kysely);
    const row = rows[0] as Record<string, unknown> | undefined;
    values[name] = String(row?.[name] ?? '').toLowerCase();
  }
  return values;
}

/** Judges settings as read; pure, so every unsafe combination is tested without a misconfigured server. */
export function judgeDurability(dialect: Dialect, values: Record<string, string>): DurabilityReport {
  const check = (setting: string, expected: string, ok: (value: string) => boolean): DurabilityCheck => {
    const value = values[setting] ?? '';
    return { setting, value, expected, ok: ok(value) };
  };
  const checks =
    dialect === 'sqlite'
      ? [
          check('journal_mode', 'wal', (v) => v === 'wal'),
          check('synchronous', '2 (FULL) or 3 (EXTRA)', (v) => v === '2' || v === '3'),
          check('foreign_keys', '1', (v) => v === '1'),
        ]
      : [
          check('fsync', 'on', (v) => v === 'on'),
          check('full_page_writes', 'on', (v) => v === 'on'),
          check('synchronous_commit', 'not off', (v) => v !== '' && v !== 'off'),
        ];
  return { ok: checks.every((c) => c.ok), checks };
}

export async function checkDurability(db: Db): Promise<DurabilityReport> {
  return judgeDurability(db.dialect, await readDurabilitySettings(db));
}

export class UnsafeDatabaseError extends Error {}

export function describeProblems(report: DurabilityReport): string {
  return report.checks
    .filter((c) => !c.ok)
    .map((c) => `${c.setting} is "${c.value}", expected ${c.expected}`)
    .join('; ');
}

/**
 * Start-up self-check: refuses a database that could lose committed changes, unless the operator
 * accepted that with SHOUTU_ALLOW_UNSAFE_DB=1, in which case it warns.
 */
export async function assertDurableDatabase(db: Db, options: { allowUnsafe: boolean }): Promise<DurabilityReport> {
  const report = await checkDurability(db);
  if (report.ok) return report;
  const problems = describeProblems(report);
  if (!options.allowUnsafe) {
    throw new UnsafeDatabaseError(`The database could lose committed changes: ${problems}. Fix the database settings (docs/operations.md), or set SHOUTU_ALLOW_UNSAFE_DB=1 to start anyway.`);
  }
  process.emitWarning(`Starting on a database that could lose committed changes (SHOUTU_ALLOW_UNSAFE_DB=1): ${problems}`);
  return report;
}
