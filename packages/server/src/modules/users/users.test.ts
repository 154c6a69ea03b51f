import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, ENGINES, type TestApp } from '../../test-support/harness.js';

const INITIAL_PASSWORD = 'Initial#2026';

/** Account administration by the system admin and the separation of the three admin roles (SECURITY.md rows 1, 6, 23). */
describe.each(ENGINES)('account administration on %s', (engine) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const newAccount = (username: string, overrides: Record<string, unknown> = {}) => ({
    username,
    displayName: `测试 ${username}`,
    roles: ['town_officer'],
    regionCodes: ['320706'],
    password: INITIAL_PASSWORD,
    ...overrides,
  });
  const createUser = (cookie: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie }, payload });
  const patchUser = (cookie: string, id: string, payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie }, payload });
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const row = (username: string) => t.db.kysely.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const sessionsOf = async (username: string) => {
    const user = await row(username);
    return t.db.kysely.selectFrom('sessions').select('token_hash').where('user_id', '=', user!.id).execute();
  };
  const expectFieldError = (response: { statusCode: number; json(): any; headers: Record<string, unknown> }, status: number, field: string, code: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toContainEqual({ field, code, message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
  };

  /** Creates an account and signs it in (it still has to change its password). */
  async function accountWithSession(username: string, overrides: Record<string, unknown> = {}) {
    const created = await createUser(admin, newAccount(username, overrides));
    expect(created.statusCode).toBe(201);
    return { user: created.json() as { id: string; version: number }, cookie: await t.login(username, INITIAL_PASSWORD) };
  }

  it('lets the system admin create an account that must change its password at first login', async () => {
    const response = await createUser(admin, newAccount('wang.fang', { roles: ['district_officer'] }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String),
      username: 'wang.fang',
      displayName: '测试 wang.fang',
      roles: ['district_officer'],
      ground: { regionCodes: ['320706'], departmentId: null, enterpriseId: null },
      disabled: false,
      mustChangePassword: true,
      lockedUntil: null,
      createdAt: t.clock.now().toISOString(),
      version: 1,
    });
    expect(response.body).not.toContain(INITIAL_PASSWORD);
    expect(response.body).not.toContain('argon2');
    const stored = await row('wang.fang');
    expect(stored).toMatchObject({ id: response.json().id, must_change_password: 1, is_demo: 0, disabled: 0 });
    expect(stored!.password_hash).toMatch(/^\$argon2id\$/);
  });

  it.each([
    ['system_admin', 'security_admin'],
    ['system_admin', 'audit_admin'],
    ['security_admin', 'audit_admin'],
  ])('refuses an account holding both %s and %s', async (first, second) => {
    const username = `dual.${first.split('_')[0]}.${second.split('_')[0]}`;
    const response = await createUser(admin, newAccount(username, { roles: [first, second], regionCodes: ['320700'] }));
    expect(response.json().code).toBe('validation_failed');
    expectFieldError(response, 400, 'roles', 'admin_roles_combined');
    expect(await row(username)).toBeUndefined();
  });

  it('refuses to give an admin account a second admin role later', async () => {
    const created = (await createUser(admin, newAccount('ops.admin', { roles: ['system_admin'], regionCodes: ['320700'] }))).json();
    const response = await patchUser(admin, created.id, { version: created.version, roles: ['system_admin', 'audit_admin'] });
    expectFieldError(response, 400, 'roles', 'admin_roles_combined');
    expect(await row('ops.admin')).toMatchObject({ roles: '["system_admin"]', version: 1 });
  });

  it.each([
    ['a region of another city', '320100', 'outside_ground'],
    ['a region code that does not exist', '320799', 'unknown_region'],
  ])('refuses to grant %s (%s)', async (_label, code, fieldCode) => {
    const username = `ground.${code}`;
    const response = await createUser(admin, newAccount(username, { regionCodes: ['320706', code] }));
    expectFieldError(response, 400, 'regionCodes', fieldCode);
    expect(await row(username)).toBeUndefined();
  });

  it('refuses a region code that is not a 6, 9 or 12 digit code', async () => {
    const response = await createUser(admin, newAccount('ground.short', { regionCodes: ['3207'] }));
    expectFieldError(response, 400, 'regionCodes.0', 'invalid');
    expect(await row('ground.short')).toBeUndefined();
  });

  it('does not let a district system admin grant ground in another district', async () => {
    await createUser(admin, newAccount('hz.sysadmin', { roles: ['system_admin'], regionCodes: ['320706'] }));
    const cookie = await t.login('hz.sysadmin', INITIAL_PASSWORD);
    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: INITIAL_PASSWORD, newPassword: 'District#Admin9' } });
    expect(changed.statusCode).toBe(204);

    for (const code of ['320703', '320700']) {
      const response = await createUser(cookie, newAccount(`hz.grant.${code}`, { regionCodes: [code] }));
      expectFieldError(response, 400, 'regionCodes', 'outside_ground');
      expect(await row(`hz.grant.${code}`)).toBeUndefined();
    }
    expect((await createUser(cookie, newAccount('hz.grant.own'))).statusCode).toBe(201);
  });

  it('refuses a weak initial password with a field error on password', async () => {
    const response = await createUser(admin, newAccount('weak.initial', { password: 'weakpass' }));
    expectFieldError(response, 400, 'password', 'password_too_few_classes');
    expect(await row('weak.initial')).toBeUndefined();
  });

  it('refuses a user name that is taken with 409', async () => {
    const response = await createUser(admin, newAccount('haizhou'));
    expect(response.json().code).toBe('conflict');
    expectFieldError(response, 409, 'username', 'taken');
    expect(await row('haizhou')).toMatchObject({ display_name: '演示·海州区干部', is_demo: 1 });
  });

  describe('updates carry the version they read', () => {
    let user: { id: string; version: number };
    beforeAll(async () => {
      user = (await createUser(admin, newAccount('versioned.user'))).json();
    });

    it('refuses an update without a version with 428 version_required', async () => {
      const response = await patchUser(admin, user.id, { displayName: '无版本' });
      expect(response.statusCode).toBe(428);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('version_required');
      expect(await row('versioned.user')).toMatchObject({ display_name: '测试 versioned.user', version: 1 });
    });

    it('applies an update that carries the current version and moves the version on by one', async () => {
      const response = await patchUser(admin, user.id, { version: 1, displayName: '第一次修改' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ id: user.id, displayName: '第一次修改', version: 2 });
      expect(await row('versioned.user')).toMatchObject({ display_name: '第一次修改', version: 2 });
    });

    it('refuses a second client that read the same version with 409 version_conflict', async () => {
      const response = await patchUser(admin, user.id, { version: 1, displayName: '过期的修改' });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('version_conflict');
      expect(await row('versioned.user')).toMatchObject({ display_name: '第一次修改', version: 2 });
    });

    it('answers 404 for an account that does not exist', async () => {
      const response = await patchUser(admin, 'no-such-user', { version: 1, displayName: 'x' });
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('not_found');
    });
  });

  it('ends the sessions of an account the admin disables, and refuses its sign-in', async () => {
    const lianyun = await t.login('lianyun');
    expect((await get('/api/v1/units', lianyun)).statusCode).toBe(200);
    const current = await row('lianyun');
    const response = await patchUser(admin, current!.id, { version: current!.version, disabled: true });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ disabled: true, version: current!.version + 1 });

    const after = await get('/api/v1/units', lianyun);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('session_expired');
    expect(await sessionsOf('lianyun')).toEqual([]);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lianyun', password: DEMO_PASSWORD } });
    expect(signIn.statusCode).toBe(401);
    expect(signIn.json().code).toBe('invalid_credentials');
  });

  it('ends the sessions of an account whose roles or ground change, but not for a new display name', async () => {
    const { user, cookie } = await accountWithSession('narrowed.user');
    const renamed = await patchUser(admin, user.id, { version: 1, displayName: '新名字' });
    expect(renamed.statusCode).toBe(200);
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(200);

    const narrowed = await patchUser(admin, user.id, { version: 2, regionCodes: ['320706'], roles: ['grid_worker'] });
    expect(narrowed.statusCode).toBe(200);
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(401);
    expect(await sessionsOf('narrowed.user')).toEqual([]);
  });

  it('resets a password: the account must change it again and its sessions end', async () => {
    const { user, cookie } = await accountWithSession('reset.user');
    const reset = await t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/reset-password`, headers: { cookie: admin }, payload: { password: 'Temporary#2026' } });
    expect(reset.statusCode).toBe(204);
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(401);
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'reset.user', password: 'Temporary#2026' } });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().mustChangePassword).toBe(true);
  });

  it('lists every account exactly once, a page at a time, without password hashes', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const response = await get(`/api/v1/users?limit=3${query}`, admin);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toMatch(/argon2|password_hash|passwordHash/);
      const page = response.json() as { items: Array<{ username: string }>; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((u) => u.username));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await t.db.kysely.selectFrom('users').select('username').execute()).map((u) => u.username);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...all].sort());
  });

  it('answers 403 to a district officer on every account route', async () => {
    const haizhou = await t.login('haizhou');
    const target = await row('leader');
    const responses = [
      await get('/api/v1/users', haizhou),
      await createUser(haizhou, newAccount('by.haizhou')),
      await patchUser(haizhou, target!.id, { version: target!.version, disabled: true }),
      await t.app.inject({ method: 'POST', url: `/api/v1/users/${target!.id}/reset-password`, headers: { cookie: haizhou }, payload: { password: 'Taken#Over2026' } }),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
    expect(await row('by.haizhou')).toBeUndefined();
    expect(await row('leader')).toMatchObject({ disabled: 0, version: target!.version, password_hash: target!.password_hash });
  });

  it('lets the audit admin write no account and no unit', async () => {
    const auditor = await t.login('auditor');
    const target = await row('leader');
    const unit = await t.db.kysely.selectFrom('units').selectAll().orderBy('id').executeTakeFirstOrThrow();
    const responses = [
      await createUser(auditor, newAccount('by.auditor')),
      await patchUser(auditor, target!.id, { version: target!.version, displayName: '审计改的' }),
      await t.app.inject({ method: 'POST', url: `/api/v1/users/${target!.id}/reset-password`, headers: { cookie: auditor }, payload: { password: 'Taken#Over2026' } }),
      await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: auditor }, payload: { name: '审计建的', kind: 'department', regionCode: '320700' } }),
      await t.app.inject({ method: 'PATCH', url: `/api/v1/units/${unit.id}`, headers: { cookie: auditor }, payload: { version: unit.version, name: '审计改的' } }),
      await get('/api/v1/users', auditor),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
    expect(await row('by.auditor')).toBeUndefined();
    expect(await row('leader')).toMatchObject({ display_name: target!.display_name, version: target!.version });
    expect(await t.db.kysely.selectFrom('units').selectAll().where('id', '=', unit.id).executeTakeFirst()).toEqual(unit);
    expect((await get('/api/v1/audit', auditor)).statusCode).toBe(200);
  });

  it('keeps the audit trail from the system admin: neither reading nor verifying it', async () => {
    for (const response of [await get('/api/v1/audit', admin), await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: { cookie: admin } })]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('forbidden');
    }
  });

  it('does not let the security admin manage accounts', async () => {
    const secadmin = await t.login('secadmin');
    expect((await get('/api/v1/users', secadmin)).statusCode).toBe(403);
    expect((await createUser(secadmin, newAccount('by.secadmin'))).statusCode).toBe(403);
    expect(await row('by.secadmin')).toBeUndefined();
  });

  it("limits a district's system admin to the accounts whose ground lies in that district", async () => {
    const { cookie } = await accountWithSession('haizhou.admin', { roles: ['system_admin'] });
    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: INITIAL_PASSWORD, newPassword: 'Haizhou#Admin2026' } });
    expect(changed.statusCode).toBe(204);
    const listed = (await get('/api/v1/users?limit=200', cookie)).json().items as Array<{ username: string; ground: { regionCodes: string[] } }>;
    expect(listed.map((u) => u.username)).toContain('haizhou');
    expect(listed.map((u) => u.username)).not.toContain('lianyun');
    expect(listed.map((u) => u.username)).not.toContain('leader');
    expect(listed.every((u) => u.ground.regionCodes.every((code) => code.startsWith('320706')))).toBe(true);
    const leader = await row('leader');
    const patched = await patchUser(cookie, leader!.id, { version: leader!.version, disabled: true });
    expect(patched.statusCode).toBe(404);
    expect((await row('leader'))!.disabled).toBe(0);
    // A username taken outside the ground is still taken: the answer is 409, not a duplicate row.
    expect((await createUser(cookie, newAccount('lianyun'))).statusCode).toBe(409);
  });
});
