import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { BACKUP_TABLES, BackupRepository, type BackupTable } from './backup.repository.js';

/**
 * A logical backup: gzip'd JSON lines, one row per line, then a manifest with each table's row
 * count and SHA-256 over its rows. Being engine-neutral, a SQLite backup restores into
 * PostgreSQL and back; restore recomputes every checksum before it reports success.
 */
export interface Manifest {
  format: 'shoutu-backup-1';
  createdAt: string;
  dialect: string;
  tables: Record<string, { rows: number; sha256: string }>;
}

function canonical(row: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k] === null || row[k] === undefined ? null : String(row[k])]));
}

export async function tableChecksums(db: Kysely<Database>): Promise<Manifest['tables']> {
  const repo = new BackupRepository(db);
  const result: Manifest['tables'] = {};
  for (const { table, key } of BACKUP_TABLES) {
    const hash = createHash('sha256');
    let rows = 0;
    for await (const row of repo.rows(table, key)) {
      hash.update(canonical(row)).update('\n');
      rows += 1;
    }
    result[table] = { rows, sha256: hash.digest('hex') };
  }
  return result;
}

export async function backup(db: Db, file: string, now: Date): Promise<Manifest> {
  const repo = new BackupRepository(db.kysely);
  const checksums: Manifest['tables'] = {};
  async function* lines() {
    for (const { table, key } of BACKUP_TABLES) {
      const hash = createHash('sha256');
      let rows = 0;
      for await (const row of repo.rows(table, key)) {
        hash.update(canonical(row)).update('\n');
        rows += 1;
        yield `${JSON.stringify({ t: table, r: row })}\n`;
      }
      checksums[table] = { rows, sha256: hash.digest('hex') };
    }
    const manifest: Manifest = { format: 'shoutu-backup-1', createdAt: now.toISOString(), dialect: db.dialect, tables: checksums };
    yield `${JSON.stringify({ manifest })}\n`;
  }
  const temporary = `${file}.partial`;
  await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(temporary));
  fs.renameSync(temporary, file);
  return { format: 'shoutu-backup-1', createdAt: now.toISOString(), dialect: db.dialect, tables: checksums };
}

export class RestoreError extends Error {}

/** Restores into an empty, migrated database, in one transaction, then verifies the checksums. */
export async function restore(db: Db, file: string): Promise<Manifest> {
  const repo = new BackupRepository(db.kysely);
  for (const { table } of BACKUP_TABLES) {
    if ((await repo.count(table)) > 0) throw new RestoreError(`The target database is not empty (table ${table} has rows); restore needs a fresh database`);
  }
  let manifest: Manifest | null = null;
  await db.kysely.transaction().execute(async (trx) => {
    const target = new BackupRepository(trx);
    const input = readline.createInterface({ input: fs.createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let batch: Record<string, unknown>[] = [];
    let batchTable: BackupTable | null = null;
    const flush = async () => {
      if (batchTable) await target.insert(batchTable, batch);
      batch = [];
    };
    for await (const line of input) {
      if (!line) continue;
      const entry = JSON.parse(line) as { t?: BackupTable; r?: Record<string, unknown>; manifest?: Manifest };
      if (entry.manifest) {
        manifest = entry.manifest;
        continue;
      }
      if (!entry.t || !entry.r || !BACKUP_TABLES.some((b) => b.table === entry.t)) throw new RestoreError('Unrecognised line in backup file');
      if (entry.t !== batchTable || batch.length >= 200) {
        await flush();
        batchTable = entry.t;
      }
      batch.push(entry.r);
    }
    await flush();
    const expected = manifest as Manifest | null;
    if (!expected) throw new RestoreError('The backup has no manifest: it is incomplete');
    if (db.dialect === 'postgres') {
      // Rows keep their original seq; the sequence continues after the highest one.
      await sql`select setval(pg_get_serial_sequence('audit_log', 'seq'), coalesce((select max(seq) from audit_log), 0) + 1, false)`.execute(trx);
    }
    // Verified inside the transaction: a restore that does not match leaves the database empty.
    const actual = await tableChecksums(trx);
    for (const { table } of BACKUP_TABLES) {
      const want = expected.tables[table];
      const got = actual[table];
      if (!want || !got || want.rows !== got.rows || want.sha256 !== got.sha256) throw new RestoreError(`Table ${table} does not match the backup after restore`);
    }
  });
  return manifest as unknown as Manifest;
}
