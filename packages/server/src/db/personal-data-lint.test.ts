import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksPersonal, NOT_PERSONAL_DATA, PERSONAL_DATA_TAGS } from '../privacy/personal-data-tags.js';
import { createTestDb, ENGINES, type TestDb } from '../test-support/harness.js';
import type { Db } from './database.js';
import { migrateToLatest } from './migrate.js';

const PURPOSES = ['epidemic_control', 'work_safety_contact', 'work_safety_record', 'account', 'audit'];
const RETENTIONS = ['epidemic', 'while_registered', 'with_safety_record', 'while_in_post', 'account_lifetime', 'session', 'audit_trail'];

interface LintResult {
  checked: number;
  columns: Set<string>;
  untagged: string[];
}

/** Every column of every table of the database; those that look personal must be tagged or allow-listed. */
async function lintSchema(db: Db): Promise<LintResult> {
  const tables = await db.kysely.introspection.getTables();
  const columns = new Set<string>();
  const untagged: string[] = [];
  let checked = 0;
  for (const table of tables) {
    if (table.name.startsWith('kysely_migration')) continue;
    for (const column of table.columns) {
      checked += 1;
      columns.add(`${table.name}.${column.name}`);
      if (!looksPersonal(column.name)) continue;
      if (PERSONAL_DATA_TAGS[table.name]?.[column.name] || NOT_PERSONAL_DATA[table.name]?.[column.name]) continue;
      untagged.push(`${table.name}.${column.name}`);
    }
  }
  return { checked, columns, untagged };
}

/** SECURITY.md row 20: every personal-data column is tagged with purpose and retention (PIPL art. 6, 28). */
describe.each(ENGINES)('personal-data schema lint on %s', (engine) => {
  let t: TestDb;
  let result: LintResult;

  beforeAll(async () => {
    t = await createTestDb(engine);
    await migrateToLatest(t.db);
    result = await lintSchema(t.db);
    console.log(`[personal-data lint ${engine}] ${result.checked} columns checked`);
  });
  afterAll(() => t.drop());

  it('finds no column that looks personal and is neither tagged nor allow-listed', () => {
    expect(result.checked).toBeGreaterThan(100);
    expect(result.untagged).toEqual([]);
  });

  it('tags only columns that exist, each with a known purpose and retention', () => {
    for (const [table, columns] of Object.entries(PERSONAL_DATA_TAGS)) {
      for (const [column, tag] of Object.entries(columns)) {
        expect(result.columns.has(`${table}.${column}`), `tagged ${table}.${column} is not in the schema`).toBe(true);
        expect(PURPOSES, `${table}.${column}`).toContain(tag.purpose);
        expect(RETENTIONS, `${table}.${column}`).toContain(tag.retention);
      }
    }
  });

  it('allow-lists only existing columns that the pattern matches, each with a reason and never also tagged', () => {
    for (const [table, columns] of Object.entries(NOT_PERSONAL_DATA)) {
      for (const [column, reason] of Object.entries(columns)) {
        expect(result.columns.has(`${table}.${column}`), `allow-listed ${table}.${column} is not in the schema`).toBe(true);
        expect(looksPersonal(column), `${table}.${column} needs no allow-list entry`).toBe(true);
        expect(reason.length).toBeGreaterThan(10);
        expect(PERSONAL_DATA_TAGS[table]?.[column], `${table}.${column} is both tagged and allow-listed`).toBeUndefined();
      }
    }
  });

  it('fails on a new untagged personal column', async () => {
    await sql`create table lint_probe (id text primary key, contact_phone text, guardian_name text, id_number_hash text, title text)`.execute(t.db.kysely);
    try {
      const probe = await lintSchema(t.db);
      expect(probe.untagged.sort()).toEqual(['lint_probe.contact_phone', 'lint_probe.guardian_name', 'lint_probe.id_number_hash']);
    } finally {
      await sql`drop table lint_probe`.execute(t.db.kysely);
    }
  });
});
