#!/usr/bin/env node
// Crash test (SECURITY.md row 21): a child process imports a large person list through the
// import service the route POST /api/v1/persons/import calls (PersonsImport: checks, encryption,
// one transaction with its audit row), and is killed with SIGKILL at a random moment, again and
// again — some kills while the rows are being written, some at a random point, one after it
// finished. After each kill the database is opened as a restarted server would open it: the persons
// count is the old total or the old total plus the whole file, the category history and the
// import's audit row agree with it, and SQLite's integrity_check answers ok. The same once on
// PostgreSQL. `npm test` runs it after the type-check (which builds packages/*/dist); alone:
// `node scripts/crash-test.mjs` (SHOUTU_CRASH_ROWS, SHOUTU_CRASH_KILLS, SHOUTU_CRASH_SEED vary it).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { residentIdCheckChar } from '../packages/domain/dist/index.js';

const SERVER = new URL('../packages/server/dist/', import.meta.url);
const server = async (module) => import(new URL(module, SERVER).href);
const ROWS = Number(process.env.SHOUTU_CRASH_ROWS ?? 20_000);
const KILLS = Number(process.env.SHOUTU_CRASH_KILLS ?? 12);
const SEED = Number(process.env.SHOUTU_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const POSTGRES_ADMIN_URL = process.env.SHOUTU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DISTRICT = '320706'; // 海州区, the ground of the demo account haizhou
/** The import has begun writing once SQLite's write-ahead log grows by this much (the page cache spills). */
const WRITING_WAL_BYTES = 256 * 1024;

/** The child: imports one file as haizhou, says so, and waits to be killed like a server after its answer. */
async function child([url, keyFile, csvFile]) {
  const { openDatabase } = await server('db/database.js');
  const { GroundScopePlugin } = await server('db/ground-scope.js');
  const { AuditService } = await server('modules/audit/audit.service.js');
  const { PersonsImport } = await server('modules/epidemic/persons/persons.import.js');
  const { FieldCrypto } = await server('privacy/field-crypto.js');
  const db = openDatabase(url);
  const user = await db.kysely.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', 'haizhou').executeTakeFirstOrThrow();
  const ground = { regionCodes: [DISTRICT] };
  const actor = { id: user.id, username: user.username, displayName: user.display_name, roles: ['district_officer'], permissions: ['persons:manage'], ground, mustChangePassword: false, secondFactorPending: false, sessionTokenHash: '' };
  const ctx = { actor, db: db.kysely.withPlugin(new GroundScopePlugin(ground)), ip: '127.0.0.1', requestId: randomUUID(), now: () => new Date() };
  process.stdout.write('started\n');
  const file = { format: 'csv', text: fs.readFileSync(csvFile, 'utf8') };
  const { imported } = await new PersonsImport(new AuditService(db.dialect), new FieldCrypto(fs.readFileSync(keyFile))).run(ctx, file, 'all_or_nothing');
  process.stdout.write(`imported ${imported}\n`);
  setInterval(() => undefined, 60_000);
}

if (process.argv[2] === '--child') {
  await child(process.argv.slice(3));
} else {
  await main();
}

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid, fictitious resident ID number of 海州区 for each n below 20,000 × 600. */
function idNumber(n) {
  const birth = new Date(Date.UTC(1955, 0, 1) + (n % 20_000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${DISTRICT}${birth}${300 + Math.floor(n / 20_000)}`;
  return first17 + residentIdCheckChar(first17);
}

/** The person list of one attempt: ROWS close contacts nobody has registered yet. */
function writePersonList(file, attempt, communities) {
  const lines = ['name,idNumber,phone,gridCode,category,lastExposureDate'];
  for (let i = 0; i < ROWS; i += 1) {
    const n = attempt * ROWS + i;
    lines.push(`崩溃测试${n},${idNumber(n)},136${String(n).padStart(8, '0')},${communities[n % communities.length]},close_contact,2022-08-01`);
  }
  fs.writeFileSync(file, lines.join('\n'));
}

/** A migrated database with the city's regions and the demo accounts and data, as `serve --demo` makes it. */
async function prepare(url, keyFile) {
  const { openDatabase } = await server('db/database.js');
  const { migrateToLatest } = await server('db/migrate.js');
  const { importCityRegions } = await server('modules/regions/regions.import.js');
  const { AuditService } = await server('modules/audit/audit.service.js');
  const { seedDemo } = await server('demo/seed-demo.js');
  const { FieldCrypto } = await server('privacy/field-crypto.js');
  const key = randomBytes(32);
  fs.writeFileSync(keyFile, key);
  const db = openDatabase(url);
  try {
    await migrateToLatest(db);
    const audit = new AuditService(db.dialect);
    await importCityRegions(db, audit, '3207', new Date());
    await seedDemo(db.kysely, audit, 'Demo@2026', new Date(), new FieldCrypto(key));
    const rows = await db.kysely.selectFrom('regions').select('code').where('level', '=', 'community').where('code', '>=', DISTRICT).where('code', '<', `${DISTRICT}~`).orderBy('code').execute();
    return rows.map((r) => r.code);
  } finally {
    await db.close();
  }
}

/** Starts an import in a child process; `done` is set once it reports the import finished. */
function startImport(url, keyFile, csvFile) {
  const process_ = spawn(process.execPath, [fileURLToPath(import.meta.url), '--child', url, keyFile, csvFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run = { process: process_, started: performance.now(), done: null, stderr: '' };
  process_.stdout.on('data', (chunk) => {
    if (String(chunk).includes('imported')) run.done = performance.now() - run.started;
  });
  process_.stderr.on('data', (chunk) => (run.stderr += chunk));
  run.exited = new Promise((resolve) => process_.once('exit', (code, signal) => resolve({ code, signal })));
  run.kill = async () => {
    process_.kill('SIGKILL');
    const { signal } = await run.exited;
    // A child that died on its own (an error) is not a kill.
    if (signal !== 'SIGKILL') throw new Error(`the import process ended by itself: ${run.stderr.slice(0, 500)}`);
  };
  return run;
}

async function main() {
  const started = performance.now();
  const problems = [];
  const random = mulberry32(SEED);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-crash-'));
  const keyFile = path.join(dir, 'master.key');
  const csvFile = path.join(dir, 'persons.csv');

  /** Old total or old total plus the whole file, and the other tables agreeing; returns whether the import committed. */
  function judge(label, before, after) {
    if (after.integrity !== undefined && after.integrity !== 'ok') problems.push(`${label}: integrity_check says ${after.integrity}`);
    const committed = after.persons === before.persons + ROWS;
    if (!committed && after.persons !== before.persons) problems.push(`${label}: ${after.persons} persons, neither the old ${before.persons} nor the new ${before.persons + ROWS}`);
    if (after.history - before.history !== (committed ? ROWS : 0)) problems.push(`${label}: category history grew by ${after.history - before.history} while the persons grew by ${after.persons - before.persons}`);
    if (after.imports - before.imports !== (committed ? 1 : 0)) problems.push(`${label}: ${after.imports - before.imports} new person.import audit rows for ${after.persons - before.persons} new persons`);
    return committed;
  }

  /** The persons, their category history and the imports' audit rows, as a restarted server finds them. */
  function sqliteState(file) {
    const db = new SQLite(file);
    try {
      const count = (query) => db.prepare(query).pluck().get();
      const state = {
        integrity: db.pragma('integrity_check', { simple: true }),
        persons: count('select count(*) from persons'),
        history: count('select count(*) from person_category_history'),
        imports: count("select count(*) from audit_log where action = 'person.import'"),
      };
      // Empties the log, so that the next attempt's writing shows as growth.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return state;
    } finally {
      db.close();
    }
  }

  async function sqliteRun() {
    const file = path.join(dir, 'shoutu.db');
    const wal = `${file}-wal`;
    const walSize = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
    const url = `sqlite:${file}`;
    const communities = await prepare(url, keyFile);

    // The first kill comes after the import finished: the new total is reached, and the import's
    // duration sets the range of the random kills.
    let state = sqliteState(file);
    let fullMs = null;
    const tally = { kills: 0, writing: 0, random: 0, finished: 0, committed: 0, rolledBack: 0, midWrite: 0 };
    for (let attempt = 0; attempt < KILLS; attempt += 1) {
      writePersonList(csvFile, attempt, communities);
      const walBefore = walSize();
      const strategy = attempt === 0 ? 'finished' : attempt % 2 === 0 ? 'random' : 'writing';
      const run = startImport(url, keyFile, csvFile);
      if (strategy === 'finished') {
        while (run.done === null && run.process.exitCode === null) await sleep(10);
      } else if (strategy === 'random') {
        await sleep(random() * fullMs);
      } else {
        while (run.done === null && run.process.exitCode === null && walSize() < walBefore + WRITING_WAL_BYTES) await sleep(2);
        await sleep(random() * 150);
      }
      const finishedFirst = run.done !== null;
      const grew = walSize() >= walBefore + WRITING_WAL_BYTES;
      if (attempt === 0) fullMs = run.done;
      await run.kill();
      const after = sqliteState(file);
      const committed = judge(`kill ${attempt + 1} (${strategy})`, state, after);
      if (finishedFirst && !committed) problems.push(`kill ${attempt + 1}: the import had finished but its rows are gone`);
      tally.kills += 1;
      tally[strategy] += 1;
      // The log grew by uncommitted pages and the kill came before the commit: recovery had to drop them.
      if (strategy === 'writing' && grew && !committed && !finishedFirst) tally.midWrite += 1;
      tally[committed ? 'committed' : 'rolledBack'] += 1;
      state = after;
    }
    if (ROWS >= 10_000 && tally.writing > 0 && tally.midWrite === 0) problems.push('no kill landed while the import was writing its rows');
    return { ...tally, fullMs };
  }

  async function postgresRun() {
    const name = `shoutu_crash_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    const db = new pg.Client({ connectionString: url.toString() });
    try {
      const communities = await prepare(url.toString(), keyFile);
      await db.connect();
      const count = async (query) => Number((await db.query(query)).rows[0].n);
      const read = async () => ({
        persons: await count('select count(*) as n from persons'),
        history: await count('select count(*) as n from person_category_history'),
        imports: await count("select count(*) as n from audit_log where action = 'person.import'"),
      });
      const others = `from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`;
      const before = await read();
      writePersonList(csvFile, KILLS, communities);
      const run = startImport(url.toString(), keyFile, csvFile);
      while (run.done === null && run.process.exitCode === null && (await count(`select count(*) as n ${others} and xact_start is not null and query like 'insert into "persons"%'`)) === 0) await sleep(5);
      await sleep(random() * 100);
      const writing = run.done === null;
      await run.kill();
      // The import's connection ends with its process; only then is the outcome final.
      for (let i = 0; i < 400 && (await count(`select count(*) as n ${others}`)) > 0; i += 1) await sleep(25);
      const committed = judge('PostgreSQL kill', before, await read());
      return { kills: 1, writing, committed };
    } finally {
      await db.end().catch(() => undefined);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }

  try {
    const sqlite = await sqliteRun();
    const postgres = await postgresRun();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `crash test: ${sqlite.kills + postgres.kills} kills survived — SQLite ${sqlite.kills} (${sqlite.writing} while writing — ${sqlite.midWrite} of them with uncommitted pages already in the log —, ${sqlite.random} at a random point, ${sqlite.finished} after the import finished; ` +
        `${sqlite.committed} found the import whole, ${sqlite.rolledBack} found none of it; integrity_check ok each time), ` +
        `PostgreSQL ${postgres.kills} (${postgres.writing ? 'while writing' : 'after the import finished'}; import ${postgres.committed ? 'whole' : 'absent'}) — ` +
        `${ROWS}-row imports (${(sqlite.fullMs / 1000).toFixed(1)} s uninterrupted on SQLite), seed ${SEED}, ${seconds} s`,
    );
  } catch (error) {
    problems.push(`the crash test could not run: ${error instanceof Error ? error.stack : error}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    console.error(`crash test FAILED (seed ${SEED}):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
}
