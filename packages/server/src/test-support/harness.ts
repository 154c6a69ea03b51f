import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { FakeClock } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Db, type Dialect, type OpenOptions } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../demo/seed-demo.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { importCityRegions } from '../modules/regions/regions.import.js';
import { FieldCrypto } from '../privacy/field-crypto.js';
import { FaultInjector } from './faults.js';
import { installPersonalDataScanner } from './personal-data-scanner.js';

/** Every data-layer test runs once on SQLite and once on PostgreSQL. */
export const ENGINES: Dialect[] = ['sqlite', 'postgres'];

export const DEMO_PASSWORD = 'Demo@2026';

const POSTGRES_ADMIN_URL = process.env.SHOUTU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDb {
  db: Db;
  drop(): Promise<void>;
}

/** A fresh, empty database: a temporary SQLite file, or a new PostgreSQL database dropped afterwards. */
export async function createTestDb(engine: Dialect, options: OpenOptions = {}): Promise<TestDb> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-test-'));
    const db = openDatabase(`sqlite:${path.join(dir, 'test.db')}`, options);
    return {
      db,
      drop: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `shoutu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = openDatabase(url.toString(), options);
  return {
    db,
    drop: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: FakeClock;
  config: Config;
  /** The error-injecting adapter under the app's database, when asked for with `{ faults: true }`. */
  faults?: FaultInjector;
  /** Signs in and returns the cookie header to send with later requests. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** A migrated database with Lianyungang's real regions and the demo accounts, behind a Fastify app. */
export async function createTestApp(engine: Dialect, overrides: Partial<Config> = {}, options: { faults?: boolean } = {}): Promise<TestApp> {
  const faults = options.faults ? new FaultInjector() : undefined;
  const { db, drop } = await createTestDb(engine, faults ? { wrapDialect: faults.wrap } : {});
  const clock = new FakeClock();
  await migrateToLatest(db);
  const audit = new AuditService(db.dialect);
  await importCityRegions(db, audit, '3207', clock.now());
  const masterKey = randomBytes(32);
  await seedDemo(db.kysely, audit, DEMO_PASSWORD, clock.now(), new FieldCrypto(masterKey));
  // Uploaded files go to a folder of this app's own, removed on close.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-files-'));
  const config = loadConfig({ SHOUTU_DATA_DIR: os.tmpdir(), SHOUTU_FILES_DIR: filesDir }, { demo: true, ...overrides });
  const app = await buildApp({ config, db, clock, logger: false, masterKey });
  installPersonalDataScanner(app);
  await app.ready();
  return {
    app,
    db,
    clock,
    config,
    ...(faults ? { faults } : {}),
    async login(username, password = DEMO_PASSWORD) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'shoutu_session');
      return `shoutu_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await drop();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
