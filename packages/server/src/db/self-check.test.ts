import os from 'node:os';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../bootstrap.js';
import { FakeClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createTestDb, ENGINES, type TestDb } from '../test-support/harness.js';
import { openDatabase, type Db } from './database.js';
import { assertDurableDatabase, checkDurability, judgeDurability, UnsafeDatabaseError } from './self-check.js';

describe('judging durability settings', () => {
  const SAFE_SQLITE = { journal_mode: 'wal', synchronous: '2', foreign_keys: '1' };
  const SAFE_POSTGRES = { fsync: 'on', full_page_writes: 'on', synchronous_commit: 'on' };

  it.each([
    ['WAL, FULL, foreign keys', SAFE_SQLITE, true],
    ['EXTRA instead of FULL', { ...SAFE_SQLITE, synchronous: '3' }, true],
    ['NORMAL sync', { ...SAFE_SQLITE, synchronous: '1' }, false],
    ['no sync at all', { ...SAFE_SQLITE, synchronous: '0' }, false],
    ['a rollback journal', { ...SAFE_SQLITE, journal_mode: 'delete' }, false],
    ['an in-memory journal', { ...SAFE_SQLITE, journal_mode: 'memory' }, false],
    ['foreign keys off', { ...SAFE_SQLITE, foreign_keys: '0' }, false],
  ])('SQLite with %s → ok %s', (_label, values, ok) => {
    expect(judgeDurability('sqlite', values).ok).toBe(ok);
  });

  it.each([
    ['the defaults', SAFE_POSTGRES, true],
    ['synchronous_commit local', { ...SAFE_POSTGRES, synchronous_commit: 'local' }, true],
    ['synchronous_commit remote_apply', { ...SAFE_POSTGRES, synchronous_commit: 'remote_apply' }, true],
    ['synchronous_commit off', { ...SAFE_POSTGRES, synchronous_commit: 'off' }, false],
    ['fsync off', { ...SAFE_POSTGRES, fsync: 'off' }, false],
    ['full_page_writes off', { ...SAFE_POSTGRES, full_page_writes: 'off' }, false],
    ['a setting that could not be read', { fsync: 'on', full_page_writes: 'on' }, false],
  ])('PostgreSQL with %s → ok %s', (_label, values, ok) => {
    expect(judgeDurability('postgres', values).ok).toBe(ok);
  });

  it('names each setting that fails, with its value and what it should be', () => {
    expect(judgeDurability('postgres', { ...SAFE_POSTGRES, fsync: 'off' }).checks).toContainEqual({ setting: 'fsync', value: 'off', expected: 'on', ok: false });
  });
});

/** SECURITY.md row 22: the server checks at start that the database keeps committed changes. */
describe.each(ENGINES)('durability self-check on %s', (engine) => {
  const opened: Db[] = [];
  let test: TestDb | null = null;

  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    await test?.drop();
    test = null;
  });

  /** A database set up as a careless operator might: SQLite without a full sync, PostgreSQL committing without waiting for the WAL. */
  async function unsafeDatabase(): Promise<Db> {
    test = await createTestDb(engine);
    if (engine === 'sqlite') {
      await sql`pragma synchronous = NORMAL`.execute(test.db.kysely);
      return test.db;
    }
    const name = new URL(test.db.url).pathname.slice(1);
    await sql`alter database ${sql.id(name)} set synchronous_commit = off`.execute(test.db.kysely);
    const db = openDatabase(test.db.url);
    opened.push(db);
    return db;
  }

  it('passes a database opened the way Shoutu opens it', async () => {
    test = await createTestDb(engine);
    const report = await checkDurability(test.db);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.setting)).toEqual(engine === 'sqlite' ? ['journal_mode', 'synchronous', 'foreign_keys'] : ['fsync', 'full_page_writes', 'synchronous_commit']);
    if (engine === 'sqlite') expect(report.checks.map((c) => c.value)).toEqual(['wal', '2', '1']);
    else expect(report.checks.find((c) => c.setting === 'fsync')!.value).toBe('on');
  });

  it('refuses a database that could lose committed changes, naming the setting and the way out', async () => {
    const db = await unsafeDatabase();
    const refusal = assertDurableDatabase(db, { allowUnsafe: false });
    await expect(refusal).rejects.toThrow(UnsafeDatabaseError);
    await expect(assertDurableDatabase(db, { allowUnsafe: false })).rejects.toThrow(engine === 'sqlite' ? /synchronous is "1", expected 2 \(FULL\)/ : /synchronous_commit is "off"/);
    await expect(assertDurableDatabase(db, { allowUnsafe: false })).rejects.toThrow(/SHOUTU_ALLOW_UNSAFE_DB=1/);
  });

  it('starts on it with a warning when SHOUTU_ALLOW_UNSAFE_DB=1', async () => {
    const db = await unsafeDatabase();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const report = await assertDurableDatabase(db, { allowUnsafe: true });
      expect(report.ok).toBe(false);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toContainEqual(expect.stringContaining('could lose committed changes'));
  });

  it('is run by bootstrap, which starts on a safe database', async () => {
    test = await createTestDb(engine);
    const config = loadConfig({ SHOUTU_DATA_DIR: os.tmpdir() }, { databaseUrl: test.db.url, demo: false });
    const { db } = await bootstrap(config, new FakeClock());
    opened.push(db);
    expect(await db.kysely.selectFrom('users').select('id').execute()).toEqual([]);
  });

  if (engine === 'postgres') {
    it('makes bootstrap refuse to start on an unsafe PostgreSQL unless allowed', async () => {
      const unsafe = await unsafeDatabase();
      const url = unsafe.url;
      await expect(bootstrap(loadConfig({ SHOUTU_DATA_DIR: os.tmpdir() }, { databaseUrl: url, demo: false }), new FakeClock())).rejects.toThrow(UnsafeDatabaseError);
      const { db } = await bootstrap(loadConfig({ SHOUTU_DATA_DIR: os.tmpdir(), SHOUTU_ALLOW_UNSAFE_DB: '1' }, { databaseUrl: url, demo: false }), new FakeClock());
      opened.push(db);
      expect(await db.kysely.selectFrom('users').select('id').execute()).toEqual([]);
    });
  }
});
