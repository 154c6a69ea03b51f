import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { FakeClock } from './clock.js';
import { loadConfig } from './config.js';
import type { Db } from './db/database.js';
import { DEMO_ACCOUNTS } from './demo/demo-accounts.js';
import { AuditService } from './modules/audit/audit.service.js';
import { importCityRegions } from './modules/regions/regions.import.js';
import { createUserFromCli } from './modules/users/users.cli.js';
import { createTestDb, DEMO_PASSWORD, ENGINES, type TestDb } from './test-support/harness.js';

const INITIAL_PASSWORD = 'Erste#Anmeldung2026';

/**
 * SECURITY.md row 1: no shared or default account outside demo mode. A production start on an
 * empty database migrates it and creates nobody; nobody can sign in until an operator runs
 * `shoutu user create`, and that account must change its password first.
 */
describe.each(ENGINES)('a non-demo start on an empty %s database', (engine) => {
  let empty: TestDb;
  let db: Db;
  let app: FastifyInstance;
  let seeded: string[];

  beforeAll(async () => {
    empty = await createTestDb(engine);
    const clock = new FakeClock();
    const config = loadConfig({ SHOUTU_DATA_DIR: os.tmpdir(), SHOUTU_DATABASE_URL: empty.db.url }, { demo: false });
    ({ db, seeded } = await bootstrap(config, clock));
    // The key is given, as a production install must be (privacy/master-key.ts); nothing is created.
    app = await buildApp({ config, db, clock, logger: false, masterKey: randomBytes(32) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await empty.drop();
  });

  const login = (username: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('migrates the database and creates no account, region or demo row', async () => {
    expect(seeded).toEqual([]);
    const count = async (table: 'users' | 'regions' | 'units' | 'persons' | 'enterprises') => Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('users')).toBe(0);
    expect(await count('regions')).toBe(0);
    expect(await count('units')).toBe(0);
    expect(await count('persons')).toBe(0);
    expect(await count('enterprises')).toBe(0);
  });

  it('refuses every demo account and every guess of a default account', async () => {
    const guesses = [...DEMO_ACCOUNTS.map((a) => [a.username, DEMO_PASSWORD]), ['admin', 'admin'], ['root', 'root'], ['admin', '123456'], ['shoutu', 'shoutu']];
    for (const [username, password] of guesses) {
      const response = await login(username!, password!);
      expect(response.statusCode, username).toBe(401);
      expect(response.json().code, username).toBe('invalid_credentials');
      expect(response.cookies.find((c) => c.name === 'shoutu_session'), username).toBeUndefined();
    }
    const info = (await app.inject({ method: 'GET', url: '/api/v1/system/info' })).json();
    expect(info.demo).toBe(false);
    expect(info).not.toHaveProperty('demoAccounts');
    expect(info).not.toHaveProperty('demoPassword');
  });

  it('lets in the first account only after `shoutu user create`, and then only to change its password', async () => {
    expect((await login('city.admin', INITIAL_PASSWORD)).statusCode).toBe(401);
    // What `shoutu regions import` and `shoutu user create` do.
    await importCityRegions(db, new AuditService(db.dialect), '3207', new Date());
    await createUserFromCli(db, { username: 'city.admin', displayName: '系统管理员', roles: ['system_admin'], regionCodes: ['320700'], password: INITIAL_PASSWORD });
    const response = await login('city.admin', INITIAL_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ username: 'city.admin', mustChangePassword: true });
    const cookie = `shoutu_session=${response.cookies.find((c) => c.name === 'shoutu_session')!.value}`;
    const users = await app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } });
    expect(users.statusCode).toBe(403);
    expect(users.json().code).toBe('password_change_required');
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'actor_username']).where('action', '=', 'user.create').execute();
    expect(audit).toEqual([{ action: 'user.create', actor_username: 'cli' }]);
  });
});
