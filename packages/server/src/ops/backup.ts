import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { sha256Of, type ContentStore } from '../files/content-store.js';
import { BACKUP_TABLES, BackupRepository, type BackupTable } from './backup.repository.js';

/** Collections of the content store that hold data (uploaded photos); their files go into backups. */
export const BACKUP_FILE_COLLECTIONS = ['hazard-photos'] as const;

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
  /** Uploaded files by collection: how many and how many bytes (each line carries its own SHA-256). */
  files?: Record<string, { count: number; bytes: number }>;
}

export interface BackupFiles {
  /** The content store whose files are written into the backup, or restored from it. */
  store?: ContentStore;
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

/**
 * With a content store, the uploaded files follow the rows, one line each (`{ f: collection, h:
 * sha256, b: base64 }`), so one file holds everything to restore (decision 0021).
 */
export async function backup(db: Db, file: string, now: Date, { store }: BackupFiles = {}): Promise<Manifest> {
  const repo = new BackupRepository(db.kysely);
  const checksums: Manifest['tables'] = {};
  const files: NonNullable<Manifest['files']> = {};
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
    for (const collection of store ? BACKUP_FILE_COLLECTIONS : []) {
      const counted = { count: 0, bytes: 0 };
      for (const sha256 of await store!.list(collection)) {
        const bytes = await store!.read(collection, sha256);
        counted.count += 1;
        counted.bytes += bytes.length;
        yield `${JSON.stringify({ f: collection, h: sha256, b: bytes.toString('base64') })}\n`;
      }
      files[collection] = counted;
    }
    const manifest: Manifest = { format: 'shoutu-backup-1', createdAt: now.toISOString(), dialect: db.dialect, tables: checksums, ...(store ? { files } : {}) };
    yield `${JSON.stringify({ manifest })}\n`;
  }
  const temporary = `${file}.partial`;
  await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(temporary));
  fs.renameSync(temporary, file);
  return { format: 'shoutu-backup-1', createdAt: now.toISOString(), dialect: db.dialect, tables: checksums, ...(store ? { files } : {}) };
}

export class RestoreError extends Error {}

/**
 * Restores into an empty, migrated database, in one transaction, then verifies the checksums. Files
 * in the backup go into the content store, each checked against its SHA-256; a restore that fails
 * removes the files it added.
 */
export async function restore(db: Db, file: string, { store }: BackupFiles = {}): Promise<Manifest> {
  const repo = new BackupRepository(db.kysely);
  for (const { table } of BACKUP_TABLES) {
    if ((await repo.count(table)) > 0) throw new RestoreError(`The target database is not empty (table ${table} has rows); restore needs a fresh database`);
  }
  let manifest: Manifest | null = null;
  const added: Array<[string, string]> = [];
  const restoredFiles: Record<string, { count: number; bytes: number }> = {};
  try {
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
        if (isFileLine(entry)) {
          if (!store) throw new RestoreError('The backup holds uploaded files: give the files directory to restore them into');
          const bytes = Buffer.from(entry.b, 'base64');
          if (sha256Of(bytes) !== entry.h) throw new RestoreError(`A file of ${entry.f} does not match its SHA-256 ${entry.h}`);
          if ((await store.put(entry.f, bytes)).created) added.push([entry.f, entry.h]);
          const counted = (restoredFiles[entry.f] ??= { count: 0, bytes: 0 });
          counted.count += 1;
          counted.bytes += bytes.length;
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
      for (const [collection, want] of Object.entries(expected.files ?? {})) {
        const got = restoredFiles[collection] ?? { count: 0, bytes: 0 };
        if (got.count !== want.count || got.bytes !== want.bytes) throw new RestoreError(`The files of ${collection} do not match the backup`);
      }
    });
  } catch (error) {
    for (const [collection, sha256] of added) await store!.remove(collection, sha256);
    throw error;
  }
  return manifest as unknown as Manifest;
}

function isFileLine(entry: object): entry is { f: (typeof BACKUP_FILE_COLLECTIONS)[number]; h: string; b: string } {
  const line = entry as { f?: unknown; h?: unknown; b?: unknown };
  return typeof line.f === 'string' && (BACKUP_FILE_COLLECTIONS as readonly string[]).includes(line.f) && typeof line.h === 'string' && typeof line.b === 'string';
}
