import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import { ContentStore } from '../files/content-store.js';
import { createEnterprise, hazardCalls } from '../test-support/hazard-fixtures.js';
import { createTestApp, createTestDb, ENGINES, type TestApp, type TestDb } from '../test-support/harness.js';
import { photoUpload, tinyPng } from '../test-support/photos.js';
import { backup, restore, RestoreError, tableChecksums } from './backup.js';

const NOW = new Date('2026-01-05T08:00:00Z');

/** Decision 0021: uploaded photos live outside the database, and `shoutu backup` carries them too. */
describe.each(ENGINES)('backups with uploaded files on %s', (engine) => {
  let t: TestApp;
  let dir: string;
  let file: string;
  let content: Buffer;
  const cleanups: Array<() => Promise<void> | void> = [];
  const freshTarget = async (): Promise<{ db: TestDb; store: ContentStore }> => {
    const db = await createTestDb(engine);
    await migrateToLatest(db.db);
    const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-restore-files-'));
    cleanups.push(() => db.drop(), () => fs.rmSync(storeDir, { recursive: true, force: true }));
    return { db, store: new ContentStore(storeDir) };
  };
  const filesIn = (store: ContentStore) => store.list('hazard-photos');

  beforeAll(async () => {
    t = await createTestApp(engine);
    const api = hazardCalls(t);
    const haizhou = await t.login('haizhou');
    const hazard = await api.report(haizhou, await createEnterprise(t, '320706010001', 'BK', 1));
    content = tinyPng('backed up');
    const upload = photoUpload(content);
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/hazards/${hazard.id}/photos`, headers: { cookie: haizhou, 'content-type': upload.contentType }, payload: upload.payload });
    expect(response.statusCode, response.body).toBe(201);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-backup-files-'));
    file = path.join(dir, 'shoutu.backup.gz');
    await backup(t.db, file, NOW, { store: new ContentStore(t.config.files.dir) });
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes each stored file once with its hash, and counts them in the manifest', async () => {
    const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n');
    const fileLines = lines.filter((line) => line.startsWith('{"f":')).map((line) => JSON.parse(line) as { f: string; h: string; b: string });
    expect(fileLines).toHaveLength(1);
    expect(Buffer.from(fileLines[0]!.b, 'base64')).toEqual(content);
    expect(JSON.parse(lines.at(-1)!).manifest.files).toEqual({ 'hazard-photos': { count: 1, bytes: content.length } });
  });

  it('restores the rows and the files, so the photo is served again', async () => {
    const target = await freshTarget();
    const manifest = await restore(target.db.db, file, { store: target.store });
    expect(await tableChecksums(target.db.db.kysely)).toEqual(manifest.tables);
    const row = await target.db.db.kysely.selectFrom('hazard_photos').selectAll().executeTakeFirstOrThrow();
    expect(await target.store.read('hazard-photos', row.sha256)).toEqual(content);
  });

  it('refuses a file whose bytes no longer match their hash, leaving no rows and no files behind', async () => {
    const altered = path.join(dir, 'altered.gz');
    const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n');
    const changed = lines.map((line) => (line.startsWith('{"f":') ? JSON.stringify({ ...JSON.parse(line), b: tinyPng('swapped').toString('base64') }) : line));
    fs.writeFileSync(altered, gzipSync(`${changed.join('\n')}\n`));
    const target = await freshTarget();
    await expect(restore(target.db.db, altered, { store: target.store })).rejects.toThrow(/does not match its SHA-256/);
    expect(await target.db.db.kysely.selectFrom('hazard_photos').select('id').execute()).toEqual([]);
    expect(await filesIn(target.store)).toEqual([]);
  });

  it('refuses a backup that lost a file, and removes the files it had already written', async () => {
    const lost = path.join(dir, 'lost-file.gz');
    const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').trim().split('\n');
    fs.writeFileSync(lost, gzipSync(`${lines.filter((line) => !line.startsWith('{"f":')).join('\n')}\n`));
    const target = await freshTarget();
    await expect(restore(target.db.db, lost, { store: target.store })).rejects.toThrow(/files of hazard-photos do not match/);
    expect(await filesIn(target.store)).toEqual([]);
  });

  it('will not restore files without a files directory to put them in', async () => {
    const target = await freshTarget();
    await expect(restore(target.db.db, file)).rejects.toThrow(RestoreError);
  });
});
