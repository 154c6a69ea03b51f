import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Dialect } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../demo/seed-demo.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { importCityRegions } from '../modules/regions/regions.import.js';
import { createTestDb, DEMO_PASSWORD, ENGINES, type TestDb } from '../test-support/harness.js';
import { FieldCrypto } from '../privacy/field-crypto.js';
import { BACKUP_TABLES, BackupRepository, TRANSIENT_TABLES } from './backup.repository.js';
import { backup, restore, RestoreError, tableChecksums } from './backup.js';

const NOW = new Date('2026-01-05T08:00:00Z');

async function emptyDb(engine: Dialect): Promise<TestDb> {
  const test = await createTestDb(engine);
  await migrateToLatest(test.db);
  return test;
}

/** Lianyungang's regions, the demo accounts and units, and a unit whose text is awkward to carry across. */
async function seededDb(engine: Dialect): Promise<TestDb> {
  const test = await emptyDb(engine);
  const audit = new AuditService(test.db.dialect);
  await importCityRegions(test.db, audit, '3207', NOW);
  // With a key, the seed writes every module's demo data, so every table's rows cross the backup.
  await seedDemo(test.db.kysely, audit, DEMO_PASSWORD, NOW, new FieldCrypto(randomBytes(32)));
  await test.db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('units')
      .values({
        id: 'awkward-text-unit',
        name: '引号"与\\反斜杠\n换行\t制表 🚒',
        kind: 'zone',
        region_code: '320771',
        matters: JSON.stringify(['work_safety']),
        member_region_codes: JSON.stringify(['320706', '320703']),
        created_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
        version: 3,
      })
      .execute();
    await audit.record(trx, { actor: null, ip: '10.0.0.1', now: () => NOW }, { action: 'unit.create', actorUsername: 'system', objectType: 'unit', objectId: 'awkward-text-unit', detail: { note: '测试 "quoted"' } });
  });
  return test;
}

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const checksums = await tableChecksums(db.kysely);
  return Object.fromEntries(Object.entries(checksums).map(([table, c]) => [table, c.rows]));
}

const EMPTY = Object.fromEntries(BACKUP_TABLES.map(({ table }) => [table, 0]));

function rewriteBackup(file: string, target: string, change: (lines: string[]) => string[]) {
  const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  fs.writeFileSync(target, gzipSync(`${change(lines).join('\n')}\n`));
}

/** SECURITY.md row 25: backup, and a restore that proves itself. */
describe.each(ENGINES)('backup and restore on %s', (engine) => {
  let source: TestDb;
  let dir: string;
  let file: string;
  const targets: TestDb[] = [];
  const freshTarget = async () => {
    const target = await emptyDb(engine);
    targets.push(target);
    return target;
  };

  beforeAll(async () => {
    source = await seededDb(engine);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-backup-'));
    file = path.join(dir, 'shoutu.backup.gz');
    await backup(source.db, file, NOW);
  });
  afterAll(async () => {
    for (const target of targets) await target.drop();
    await source.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a gzip file whose manifest counts and checksums every table', async () => {
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const lines = gunzipSync(bytes).toString('utf8').trim().split('\n');
    const { manifest } = JSON.parse(lines.at(-1)!);
    expect(manifest).toMatchObject({ format: 'shoutu-backup-1', createdAt: NOW.toISOString(), dialect: engine });
    expect(manifest.tables).toEqual(await tableChecksums(source.db.kysely));
    // The demo data reaches every capability, so the backup carries real rows of each.
    for (const table of ['regions', 'units', 'users', 'audit_log', 'enterprises', 'risk_points', 'hazards', 'accidents', 'persons', 'exposures', 'checkpoints']) {
      expect(manifest.tables[table].rows, table).toBeGreaterThan(0);
    }
    expect(lines.length - 1).toBe(Object.values(manifest.tables as Record<string, { rows: number }>).reduce((n, t) => n + t.rows, 0));
  });

  it('holds every table of the schema, save the transient ones', async () => {
    const listed = new Set<string>([...BACKUP_TABLES.map((b) => b.table), ...TRANSIENT_TABLES]);
    const tables = await new BackupRepository(source.db.kysely).tableNames();
    expect(tables.filter((t) => !listed.has(t))).toEqual([]);
  });

  it('leaves sessions and idempotency keys out of the backup', () => {
    const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
    expect(text).not.toMatch(/"t":"(sessions|idempotency_keys)"/);
  });

  it('restores into a fresh database with equal row checksums and an intact audit chain', async () => {
    const target = await freshTarget();
    const manifest = await restore(target.db, file);
    const checksums = await tableChecksums(target.db.kysely);
    expect(checksums).toEqual(await tableChecksums(source.db.kysely));
    expect(checksums).toEqual(manifest.tables);
    const verified = await new AuditService(target.db.dialect).verify(target.db.kysely);
    expect(verified).toEqual({ ok: true, checked: checksums.audit_log!.rows, firstBadSeq: null });
    const awkward = await target.db.kysely.selectFrom('units').selectAll().where('id', '=', 'awkward-text-unit').executeTakeFirstOrThrow();
    expect(awkward.name).toBe('引号"与\\反斜杠\n换行\t制表 🚒');
  });

  it('keeps appending to the audit chain of a restored database', async () => {
    const target = await freshTarget();
    await restore(target.db, file);
    const audit = new AuditService(target.db.dialect);
    const before = await tableChecksums(target.db.kysely);
    await target.db.kysely.transaction().execute((trx) => audit.record(trx, { actor: null, ip: null, now: () => NOW }, { action: 'backup.restored', actorUsername: 'system' }));
    const last = await target.db.kysely.selectFrom('audit_log').select(['seq', 'action']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(last.action).toBe('backup.restored');
    expect(last.seq).toBe(before.audit_log!.rows + 1);
    expect(await audit.verify(target.db.kysely)).toMatchObject({ ok: true, checked: before.audit_log!.rows + 1 });
  });

  it('refuses to restore into a database that is not empty, and changes nothing there', async () => {
    const before = await tableChecksums(source.db.kysely);
    await expect(restore(source.db, file)).rejects.toThrow(RestoreError);
    await expect(restore(source.db, file)).rejects.toThrow(/not empty/);
    expect(await tableChecksums(source.db.kysely)).toEqual(before);
  });

  it.each([
    ['in the middle', (size: number) => Math.floor(size / 2)],
    ['just before the gzip trailer', (size: number) => size - 8],
    ['by one byte', (size: number) => size - 1],
  ])('fails on a backup file cut %s and leaves the target empty', async (_where, cutAt) => {
    const bytes = fs.readFileSync(file);
    const cut = path.join(dir, `cut-${cutAt(bytes.length)}.gz`);
    fs.writeFileSync(cut, bytes.subarray(0, cutAt(bytes.length)));
    const target = await freshTarget();
    await expect(restore(target.db, cut)).rejects.toThrow();
    expect(await rowCounts(target.db)).toEqual(EMPTY);
  });

  it('refuses a backup whose rows were changed after it was written, and leaves the target empty', async () => {
    const altered = path.join(dir, 'altered.gz');
    rewriteBackup(file, altered, (lines) => lines.map((line) => line.replace('市应急管理局（演示）', '市应急管理局（篡改）')));
    expect(gunzipSync(fs.readFileSync(altered)).toString('utf8')).toContain('篡改');
    const target = await freshTarget();
    await expect(restore(target.db, altered)).rejects.toThrow(/units does not match/);
    expect(await rowCounts(target.db)).toEqual(EMPTY);
  });

  it('refuses a backup that lost a row, and leaves the target empty', async () => {
    const shortened = path.join(dir, 'lost-row.gz');
    rewriteBackup(file, shortened, (lines) => lines.filter((line) => !line.includes('awkward-text-unit') || !line.startsWith('{"t":"units"')));
    const target = await freshTarget();
    await expect(restore(target.db, shortened)).rejects.toThrow(/units does not match/);
    expect(await rowCounts(target.db)).toEqual(EMPTY);
  });

  it('refuses a backup without its manifest, and leaves the target empty', async () => {
    const headless = path.join(dir, 'no-manifest.gz');
    rewriteBackup(file, headless, (lines) => lines.slice(0, -1));
    const target = await freshTarget();
    await expect(restore(target.db, headless)).rejects.toThrow(/no manifest/);
    expect(await rowCounts(target.db)).toEqual(EMPTY);
  });
});

/** The backup is engine-neutral: a SQLite database moves to PostgreSQL and back. */
describe.each([
  ['sqlite', 'postgres'],
  ['postgres', 'sqlite'],
] as Array<[Dialect, Dialect]>)('restoring a %s backup into %s', (from, into) => {
  let source: TestDb;
  let target: TestDb;
  let dir: string;

  beforeAll(async () => {
    [source, target] = await Promise.all([seededDb(from), emptyDb(into)]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-backup-'));
  });
  afterAll(async () => {
    await Promise.all([source.drop(), target.drop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('carries every row across with equal checksums, a verified audit chain and room to append', async () => {
    const file = path.join(dir, `${from}.backup.gz`);
    const written = await backup(source.db, file, NOW);
    expect(written.dialect).toBe(from);
    await restore(target.db, file);
    expect(await tableChecksums(target.db.kysely)).toEqual(await tableChecksums(source.db.kysely));
    const audit = new AuditService(target.db.dialect);
    expect(await audit.verify(target.db.kysely)).toEqual({ ok: true, checked: written.tables.audit_log!.rows, firstBadSeq: null });
    await target.db.kysely.transaction().execute((trx) => audit.record(trx, { actor: null, ip: null, now: () => NOW }, { action: 'backup.restored', actorUsername: 'system' }));
    expect(await audit.verify(target.db.kysely)).toMatchObject({ ok: true, checked: written.tables.audit_log!.rows + 1 });
  });
});
