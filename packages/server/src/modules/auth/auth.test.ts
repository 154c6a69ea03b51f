import { permissionsOf } from '@shoutu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, ENGINES, type TestApp } from '../../test-support/harness.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * SECURITY.md rows 1–3: accounts, password policy, lockout and sessions. Each test signs in for
 * itself and uses its own account, because the fake clock moves forward for the whole app.
 */
describe.each(ENGINES)('sign-in and sessions on %s', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const sessionCookie = (response: Awaited<ReturnType<typeof login>>) => {
    const cookie = response.cookies.find((c) => c.name === 'shoutu_session');
    expect(cookie).toBeDefined();
    return `shoutu_session=${cookie!.value}`;
  };
  const auditRowsOf = (username: string) => t.db.kysely.selectFrom('audit_log').selectAll().where('actor_username', '=', username).orderBy('seq').execute();

  /** An account set up by the system admin, as a new colleague would receive it. */
  async function createAccount(username: string, password = 'Initial#2026') {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: await t.login('admin') },
      payload: { username, displayName: `测试 ${username}`, roles: ['district_officer'], regionCodes: ['320706'], password },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string };
  }

  it('signs in with the right password and returns the user with roles, permissions and a ground that names its regions', async () => {
    const response = await login('haizhou', DEMO_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: expect.any(String),
      username: 'haizhou',
      displayName: '演示·海州区干部',
      roles: ['district_officer'],
      permissions: permissionsOf(['district_officer']),
      mustChangePassword: false,
      secondFactor: 'not_required',
      ground: { regionCodes: ['320706'], regions: [{ code: '320706', name: '海州区' }], departmentId: null, enterpriseId: null },
    });
    expect(response.json().permissions).toEqual(expect.arrayContaining(['regions:read', 'units:read']));
    for (const adminOnly of ['users:manage', 'audit:read', 'security:manage']) expect(response.json().permissions).not.toContain(adminOnly);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, for the whole site', async () => {
    const response = await login('leader', DEMO_PASSWORD);
    const cookie = response.cookies.find((c) => c.name === 'shoutu_session')!;
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(response.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(response.headers['set-cookie']).toMatch(/SameSite=Strict/);
  });

  it('keeps only a hash of the session token in the database', async () => {
    const cookie = sessionCookie(await login('leader', DEMO_PASSWORD));
    const token = cookie.split('=')[1]!;
    const stored = await t.db.kysely.selectFrom('sessions').select('token_hash').execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((s) => s.token_hash === token)).toBe(false);
    expect((await get('/api/v1/auth/me', cookie)).json().username).toBe('leader');
  });

  it('refuses a wrong password with 401 invalid_credentials, sets no cookie and audits the failure', async () => {
    const before = (await auditRowsOf('yingji')).length;
    const response = await login('yingji', 'Wrong#Password1');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe('invalid_credentials');
    expect(response.cookies.find((c) => c.name === 'shoutu_session')).toBeUndefined();
    const rows = await auditRowsOf('yingji');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ action: 'auth.login', result: 'failure', actor_username: 'yingji', ip: '127.0.0.1' });
    // A success afterwards starts the count of failures again.
    expect((await login('yingji', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown user exactly as a wrong password, so user names cannot be probed', async () => {
    const unknown = await login('nobody-here', 'Wrong#Password1');
    const wrong = await login('leader', 'Wrong#Password1');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json().code).toBe('invalid_credentials');
    expect((await auditRowsOf('nobody-here')).map((r) => [r.action, r.result])).toEqual([['auth.login', 'failure']]);
    expect((await login('leader', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('locks the account after 5 wrong passwords, even against the right one, for 15 minutes', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await login('lianyun', `Wrong#Password${attempt}`)).statusCode).toBe(401);
    }
    const fifth = await login('lianyun', 'Wrong#Password5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('account_locked');

    const rightButLocked = await login('lianyun', DEMO_PASSWORD);
    expect(rightButLocked.statusCode).toBe(423);
    expect(rightButLocked.json().code).toBe('account_locked');
    expect(rightButLocked.cookies.find((c) => c.name === 'shoutu_session')).toBeUndefined();
    expect((await auditRowsOf('lianyun')).map((r) => r.action)).toContain('auth.lockout');

    t.clock.advance(15 * MINUTE - 1000);
    expect((await login('lianyun', DEMO_PASSWORD)).statusCode).toBe(423);
    t.clock.advance(1000 + 1);
    const unlocked = await login('lianyun', DEMO_PASSWORD);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().username).toBe('lianyun');
  });

  it('counts wrong passwords that arrive at the same moment, so parallel guessing still locks the account', async () => {
    await createAccount('parallel.guess');
    const guesses = await Promise.all(Array.from({ length: 10 }, (_, i) => login('parallel.guess', `Wrong#Guess${i}`)));
    expect(guesses.every((g) => g.statusCode === 401 || g.statusCode === 423)).toBe(true);
    expect(guesses.some((g) => g.statusCode === 423)).toBe(true);
    expect((await login('parallel.guess', 'Initial#2026')).statusCode).toBe(423);
  });

  it('ends a session left idle for more than 30 minutes, counting from the last request', async () => {
    const cookie = sessionCookie(await login('haizhou', DEMO_PASSWORD));
    t.clock.advance(29 * MINUTE);
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(200);
    t.clock.advance(29 * MINUTE);
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(200);
    t.clock.advance(30 * MINUTE + 1);
    const expired = await get('/api/v1/regions', cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.headers['content-type']).toContain('application/problem+json');
    expect(expired.json().code).toBe('session_expired');
    // Once expired it stays expired: the server forgot the session.
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(401);
  });

  it('ends every session 12 hours after sign-in, even one used every 20 minutes', async () => {
    const cookie = sessionCookie(await login('haizhou', DEMO_PASSWORD));
    for (let elapsed = 20 * MINUTE; elapsed <= 12 * HOUR; elapsed += 20 * MINUTE) {
      t.clock.advance(20 * MINUTE);
      expect((await get('/api/v1/auth/me', cookie)).statusCode, `after ${elapsed / MINUTE} minutes`).toBe(200);
    }
    t.clock.advance(1);
    const response = await get('/api/v1/auth/me', cookie);
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('session_expired');
  });

  it('ends the session on the server at logout: the old cookie gets 401', async () => {
    const cookie = sessionCookie(await login('leader', DEMO_PASSWORD));
    expect((await get('/api/v1/units', cookie)).statusCode).toBe(200);
    const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === 'shoutu_session')?.value).toBe('');
    for (const url of ['/api/v1/units', '/api/v1/auth/me']) {
      const response = await get(url, cookie);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('session_expired');
    }
  });

  it('refuses a made-up session cookie with 401', async () => {
    const response = await get('/api/v1/auth/me', 'shoutu_session=not-a-real-session-token-at-all-0123456789');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('makes an account created by an admin change its password before it may do anything else', async () => {
    await createAccount('zhang.wei');
    const first = await login('zhang.wei', 'Initial#2026');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ username: 'zhang.wei', mustChangePassword: true });
    const cookie = sessionCookie(first);

    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(200);
    for (const url of ['/api/v1/regions', '/api/v1/units']) {
      const blocked = await get(url, cookie);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().code).toBe('password_change_required');
    }

    const change = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: 'Initial#2026', newPassword: 'Chosen#Myself7' } });
    expect(change.statusCode).toBe(204);
    expect((await get('/api/v1/auth/me', cookie)).json().mustChangePassword).toBe(false);
    const regions = await get('/api/v1/regions', cookie);
    expect(regions.statusCode).toBe(200);
    expect(regions.json().items.map((r: { code: string }) => r.code)).toEqual(['320706']);

    expect((await login('zhang.wei', 'Initial#2026')).statusCode).toBe(401);
    const again = await login('zhang.wei', 'Chosen#Myself7');
    expect(again.statusCode).toBe(200);
    expect(again.json().mustChangePassword).toBe(false);
  });

  describe('refuses a weak new password with a field error on newPassword', () => {
    let cookie: string;
    beforeAll(async () => {
      await createAccount('li.na');
      cookie = sessionCookie(await login('li.na', 'Initial#2026'));
    });

    it.each([
      ['Sh0rt!', 'password_too_short'],
      ['onlylowercaseletters', 'password_too_few_classes'],
      ['Password123!', 'password_common'],
      ['Li.Na#2026x', 'password_contains_username'],
      ['Initial#2026', 'password_reused'],
    ])('%j → %s', async (newPassword, code) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: 'Initial#2026', newPassword } });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('validation_failed');
      expect(response.json().errors).toContainEqual({ field: 'newPassword', code, message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
      // Nothing changed: the account still has to change its password.
      expect((await get('/api/v1/regions', cookie)).json().code).toBe('password_change_required');
    });

    it('refuses a wrong current password with a field error on currentPassword', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: 'Not#TheCurrent1', newPassword: 'Chosen#Myself7' } });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([expect.objectContaining({ field: 'currentPassword', code: 'wrong_password' })]);
    });
  });

  it("ends the account's other sessions when its password changes, and keeps the one that changed it", async () => {
    const here = sessionCookie(await login('secadmin', DEMO_PASSWORD));
    const elsewhere = sessionCookie(await login('secadmin', DEMO_PASSWORD));
    const bystander = sessionCookie(await login('leader', DEMO_PASSWORD));
    const change = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: here }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Rotated#Secret9' } });
    expect(change.statusCode).toBe(204);
    expect((await get('/api/v1/auth/me', elsewhere)).statusCode).toBe(401);
    expect((await get('/api/v1/auth/me', here)).statusCode).toBe(200);
    expect((await get('/api/v1/auth/me', bystander)).statusCode).toBe(200);
    expect((await login('secadmin', DEMO_PASSWORD)).statusCode).toBe(401);
  });
});
