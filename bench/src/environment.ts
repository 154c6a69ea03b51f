import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@shoutu/server/app.js';
import { FakeClock } from '@shoutu/server/clock.js';
import { loadConfig } from '@shoutu/server/config.js';
import { openDatabase, type Db } from '@shoutu/server/db/database.js';
import { migrateToLatest } from '@shoutu/server/db/migrate.js';
import { seedDemo } from '@shoutu/server/demo/seed-demo.js';
import { AuditService } from '@shoutu/server/modules/audit/audit.service.js';
import { importCityRegions } from '@shoutu/server/modules/regions/regions.import.js';
import { FieldCrypto } from '@shoutu/server/privacy/field-crypto.js';
import { ServerProcess } from './server-process.js';

const POSTGRES_ADMIN_URL = process.env.SHOUTU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const BENCH_PASSWORD = 'Bench@2026';

export interface BenchEnvironment {
  db: Db;
  /** The app in the bench process, for signing in (sessions live in the database, so they work on the server too). */
  app: FastifyInstance;
  /** The separate server process every scenario's requests go to. */
  server: ServerProcess;
  /** Its address (changes when it is restarted). */
  readonly url: string;
  crypto: FieldCrypto;
  /** The master key the persons were sealed with, for a separate server process on the same data. */
  masterKey: Buffer;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh database with Lianyungang's regions and the demo accounts, behind a listening server. */
export async function createEnvironment(dialect: 'sqlite' | 'postgres', label: string): Promise<BenchEnvironment> {
  let url: string;
  let drop: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shoutu-bench-${label}-`));
    url = `sqlite:${path.join(dir, 'bench.db')}`;
    // SHOUTU_BENCH_KEEP=1 keeps the database (either engine) for a look at its query plans afterwards.
    drop = async () => {
      if (process.env.SHOUTU_BENCH_KEEP === '1') {
        // With its master key (the data is generated, never real), to run the app's own reads on it.
        fs.writeFileSync(path.join(dir, 'master.key'), masterKey.toString('hex'), { mode: 0o600 });
        process.stderr.write(`kept ${url} (master key in master.key)\n`);
      } else {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
  } else {
    const name = `shoutu_bench_${label}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(POSTGRES_ADMIN_URL);
    target.pathname = `/${name}`;
    url = target.toString();
    drop = async () => {
      if (process.env.SHOUTU_BENCH_KEEP === '1') {
        process.stderr.write(`kept ${url} (drop it with: drop database ${name})\n`);
        return;
      }
      const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
  const db = openDatabase(url);
  await migrateToLatest(db);
  const clock = new FakeClock(new Date('2022-11-01T08:00:00Z'));
  const masterKey = randomBytes(32);
  const crypto = new FieldCrypto(masterKey);
  const audit = new AuditService(db.dialect);
  await importCityRegions(db, audit, '3207', clock.now());
  await seedDemo(db.kysely, audit, BENCH_PASSWORD, clock.now(), crypto);
  const config = loadConfig({ SHOUTU_DATA_DIR: os.tmpdir(), SHOUTU_LOG_LEVEL: 'warn' }, { demo: true, bodyLimitBytes: 512 * 1024 * 1024 });
  const app = await buildApp({ config, db, logger: false, masterKey });
  await app.ready();
  const server = new ServerProcess({ SHOUTU_DATABASE_URL: url, SHOUTU_MASTER_KEY: masterKey.toString('base64'), SHOUTU_BODY_LIMIT_BYTES: String(512 * 1024 * 1024) });
  await server.start();
  return {
    db,
    app,
    server,
    get url() {
      return server.url;
    },
    crypto,
    masterKey,
    async login(username) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: BENCH_PASSWORD } });
      if (response.statusCode !== 200) throw new Error(`bench login ${username}: ${response.statusCode} ${response.body}`);
      return `shoutu_session=${response.cookies.find((c) => c.name === 'shoutu_session')!.value}`;
    },
    async close() {
      await server.stop();
      await app.close();
      await db.close();
      await drop();
    },
  };
}
