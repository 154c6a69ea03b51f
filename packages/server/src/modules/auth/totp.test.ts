import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createTestApp, DEMO_PASSWORD, ENGINES, type TestApp } from '../../test-support/harness.js';
import { totpCode, TOTP_SECRET_FIELD } from './totp.js';

const STEP = 30_000;

/** The code one digit away from the right one: wrong, but well-formed. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'shoutu_session');
  expect(cookie, response.body).toBeDefined();
  return `shoutu_session=${cookie!.value}`;
}

/**
 * SECURITY.md row 4 (GB/T 22239 8.1.4.1 d): the three admin roles sign in with a TOTP code as a
 * second factor. An admin without one gets no privileged session, only the way to enrol; a code
 * works once. The fake clock drives the codes, and moves a time step on wherever a fresh code is needed.
 */
describe.each(ENGINES)('TOTP second factor for the admin roles on %s', (engine) => {
  let t: TestApp;
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(engine, { adminTotp: 'required' });
  });
  afterAll(() => t.close());

  const login = (username: string, totp?: string, password = DEMO_PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, ...(totp !== undefined ? { totp } : {}) } });
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, cookie: string, payload?: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
  const userRow = (username: string) => t.db.kysely.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const lastAudit = () => t.db.kysely.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  const nextStep = () => t.clock.advance(STEP);
  const codeFor = (username: string) => totpCode(secrets.get(username)!, t.clock.now());

  /** Signs in without TOTP (not yet enrolled), sets up and confirms; returns the now-verified session. */
  async function enrol(username: string): Promise<string> {
    const cookie = cookieOf(await login(username));
    const setup = await post('/api/v1/auth/totp/setup', cookie);
    expect(setup.statusCode, setup.body).toBe(200);
    secrets.set(username, setup.json().secret);
    const confirm = await post('/api/v1/auth/totp/confirm', cookie, { code: codeFor(username) });
    expect(confirm.statusCode, confirm.body).toBe(204);
    return cookie;
  }

  describe('an admin who has not enrolled', () => {
    it('gets a session flagged for enrolment, and 403 second_factor_required on every other route', async () => {
      const response = await login('admin');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ username: 'admin', secondFactor: 'enrol' });
      const cookie = cookieOf(response);
      const session = await t.db.kysely.selectFrom('sessions').selectAll().where('user_id', '=', (await userRow('admin')).id).executeTakeFirstOrThrow();
      expect(session.second_factor_pending).toBe(1);
      expect(JSON.parse((await lastAudit()).detail!)).toEqual({ secondFactor: 'enrol' });

      const me = await get('/api/v1/auth/me', cookie);
      expect(me.statusCode).toBe(200);
      expect(me.json().secondFactor).toBe('enrol');
      const leader = await userRow('leader');
      const blocked = [
        await get('/api/v1/users', cookie),
        await get('/api/v1/units', cookie),
        await get('/api/v1/regions', cookie),
        await post('/api/v1/units', cookie, { name: '未验证的局', kind: 'department', regionCode: '320706' }),
        await post(`/api/v1/users/${leader.id}/reset-password`, cookie, { password: 'Taken#Over2026' }),
        // The password route is open only while a password change is also pending.
        await post('/api/v1/auth/password', cookie, { currentPassword: DEMO_PASSWORD, newPassword: 'Another#Secret9' }),
      ];
      for (const answer of blocked) {
        expect(answer.statusCode, answer.body).toBe(403);
        expect(answer.headers['content-type']).toContain('application/problem+json');
        expect(answer.json().code).toBe('second_factor_required');
      }
      expect(await t.db.kysely.selectFrom('units').select('id').where('name', '=', '未验证的局').executeTakeFirst()).toBeUndefined();
      expect((await userRow('leader')).password_hash).toBe(leader.password_hash);
    });

    it('may still sign out', async () => {
      const cookie = cookieOf(await login('admin'));
      expect((await post('/api/v1/auth/logout', cookie)).statusCode).toBe(204);
      expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(401);
    });
  });

  describe('enrolment', () => {
    let cookie: string;
    let elsewhere: string;
    let secret: string;

    beforeAll(async () => {
      cookie = cookieOf(await login('admin'));
      elsewhere = cookieOf(await login('admin'));
    });

    it('hands out a base32 secret and its otpauth URL, and stores the secret only encrypted', async () => {
      // A retried setup must not be replayed from the idempotency store, which would hold the secret in clear.
      const response = await post('/api/v1/auth/totp/setup', cookie, undefined, { 'idempotency-key': 'totp-setup-0001' });
      expect(response.statusCode).toBe(200);
      secret = response.json().secret;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      const url = new URL(response.json().otpauthUrl);
      expect(url.protocol).toBe('otpauth:');
      expect(url.host).toBe('totp');
      expect(decodeURIComponent(url.pathname)).toBe('/Shoutu:admin');
      expect(Object.fromEntries(url.searchParams)).toEqual({ issuer: 'Shoutu', secret, algorithm: 'SHA1', digits: '6', period: '30' });

      const row = await userRow('admin');
      expect(row.totp_secret_enc).not.toContain(secret);
      expect(t.app.services.crypto.decrypt(row.totp_secret_enc!, TOTP_SECRET_FIELD)).toBe(secret);
      expect(row.totp_enrolled_at).toBeNull();
      const stored = await t.db.kysely.selectFrom('idempotency_keys').select('response_body').execute();
      expect(stored.some((s) => s.response_body?.includes(secret))).toBe(false);
      expect((await lastAudit()).action).toBe('auth.totp_setup');
      expect((await lastAudit()).detail ?? '').not.toContain(secret);
    });

    it('refuses a wrong code with a field error and leaves the session flagged', async () => {
      const response = await post('/api/v1/auth/totp/confirm', cookie, { code: wrongCode(totpCode(secret, t.clock.now())) });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([expect.objectContaining({ field: 'code', code: 'totp_invalid' })]);
      expect((await get('/api/v1/users', cookie)).json().code).toBe('second_factor_required');
      expect((await userRow('admin')).totp_enrolled_at).toBeNull();
    });

    it('enrols with a code of the new secret: the session is freed, the other sessions end, and it is audited', async () => {
      const response = await post('/api/v1/auth/totp/confirm', cookie, { code: totpCode(secret, t.clock.now()) });
      expect(response.statusCode).toBe(204);
      secrets.set('admin', secret);
      expect((await get('/api/v1/auth/me', cookie)).json().secondFactor).toBe('verified');
      expect((await get('/api/v1/users', cookie)).statusCode).toBe(200);
      expect((await get('/api/v1/auth/me', elsewhere)).statusCode).toBe(401);
      const row = await userRow('admin');
      expect(row.totp_enrolled_at).toBe(t.clock.now().toISOString());
      expect(await lastAudit()).toMatchObject({ action: 'auth.totp_enrol', actor_username: 'admin', object_type: 'user', object_id: row.id, result: 'success' });
    });

    it('will not replace an enrolled secret: that takes a reset by the security admin', async () => {
      const response = await post('/api/v1/auth/totp/setup', cookie);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('totp_already_enrolled');
      expect(t.app.services.crypto.decrypt((await userRow('admin')).totp_secret_enc!, TOTP_SECRET_FIELD)).toBe(secret);
    });
  });

  describe('signing in once enrolled', () => {
    it('answers 401 totp_required to the right password without a code, and opens no session', async () => {
      nextStep();
      const response = await login('admin');
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('totp_required');
      expect(response.cookies.find((c) => c.name === 'shoutu_session')).toBeUndefined();
    });

    it('answers 401 invalid_credentials to a wrong password, code or not', async () => {
      const response = await login('admin', codeFor('admin'), 'Wrong#Password1');
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('invalid_credentials');
    });

    it('counts a wrong code as a failed sign-in', async () => {
      const before = (await userRow('admin')).failed_logins;
      const response = await login('admin', wrongCode(codeFor('admin')));
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('totp_invalid');
      expect((await userRow('admin')).failed_logins).toBe(before + 1);
      expect(await lastAudit()).toMatchObject({ action: 'auth.login', result: 'failure', actor_username: 'admin' });
    });

    it('signs in with the password and the current code, to a full session', async () => {
      const response = await login('admin', codeFor('admin'));
      expect(response.statusCode).toBe(200);
      expect(response.json().secondFactor).toBe('verified');
      expect((await userRow('admin')).failed_logins).toBe(0);
      expect((await get('/api/v1/users', cookieOf(response))).statusCode).toBe(200);
    });

    it('accepts a code once: the same code again is 401 totp_invalid', async () => {
      const code = codeFor('admin');
      const replay = await login('admin', code);
      expect(replay.statusCode).toBe(401);
      expect(replay.json().code).toBe('totp_invalid');
      expect(replay.cookies.find((c) => c.name === 'shoutu_session')).toBeUndefined();
    });

    it('refuses the previous step’s code, inside the drift window, once a later step was used', async () => {
      const earlier = codeFor('admin');
      nextStep();
      const response = await login('admin', earlier);
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('totp_invalid');
      expect((await login('admin', codeFor('admin'))).statusCode).toBe(200);
    });

    it('accepts one of two sign-ins that send the same fresh code at the same moment', async () => {
      nextStep();
      const code = codeFor('admin');
      const answers = await Promise.all([login('admin', code), login('admin', code)]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
    });

    it('accepts a code from an authenticator 30 seconds behind or ahead', async () => {
      nextStep();
      nextStep();
      const behind = totpCode(secrets.get('admin')!, new Date(t.clock.now().getTime() - STEP));
      expect((await login('admin', behind)).statusCode).toBe(200);
      nextStep();
      const ahead = totpCode(secrets.get('admin')!, new Date(t.clock.now().getTime() + STEP));
      expect((await login('admin', ahead)).statusCode).toBe(200);
      nextStep();
      const twoBehind = totpCode(secrets.get('admin')!, new Date(t.clock.now().getTime() - 2 * STEP));
      expect((await login('admin', twoBehind)).json().code).toBe('totp_invalid');
    });

    it('locks the account after 5 wrong codes, even against the right one', async () => {
      await enrol('auditor');
      nextStep();
      for (let attempt = 1; attempt <= 4; attempt++) expect((await login('auditor', wrongCode(codeFor('auditor')))).json().code).toBe('totp_invalid');
      const fifth = await login('auditor', wrongCode(codeFor('auditor')));
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json().code).toBe('account_locked');
      expect((await login('auditor', codeFor('auditor'))).statusCode).toBe(423);
      expect((await t.db.kysely.selectFrom('audit_log').select('action').where('actor_username', '=', 'auditor').execute()).map((r) => r.action)).toContain('auth.lockout');
    });
  });

  describe('accounts outside the admin roles', () => {
    it('are not asked for a code', async () => {
      const response = await login('leader');
      expect(response.statusCode).toBe(200);
      expect(response.json().secondFactor).toBe('not_required');
      expect((await get('/api/v1/units', cookieOf(response))).statusCode).toBe(200);
      // A code sent anyway changes nothing.
      expect((await login('haizhou', '123456')).statusCode).toBe(200);
    });

    it('cannot enrol', async () => {
      const cookie = cookieOf(await login('haizhou'));
      for (const url of ['/api/v1/auth/totp/setup', '/api/v1/auth/totp/confirm']) {
        const response = await post(url, cookie, url.endsWith('confirm') ? { code: '123456' } : undefined);
        expect(response.statusCode, url).toBe(403);
        expect(response.json().code, url).toBe('forbidden');
      }
      expect((await userRow('haizhou')).totp_secret_enc).toBeNull();
    });
  });

  describe('a new admin account', () => {
    it('changes its initial password first, then enrols, then may work', async () => {
      nextStep();
      const admin = await login('admin', codeFor('admin'));
      const created = await post('/api/v1/users', cookieOf(admin), { username: 'new.secadmin', displayName: '新安全管理员', roles: ['security_admin'], regionCodes: ['320700'], password: 'Initial#2026' });
      expect(created.statusCode).toBe(201);

      const first = await login('new.secadmin', undefined, 'Initial#2026');
      expect(first.json()).toMatchObject({ mustChangePassword: true, secondFactor: 'enrol' });
      const cookie = cookieOf(first);
      expect((await post('/api/v1/auth/totp/setup', cookie)).json().code).toBe('password_change_required');
      expect((await post('/api/v1/auth/password', cookie, { currentPassword: 'Initial#2026', newPassword: 'Chosen#Myself7' })).statusCode).toBe(204);
      expect((await get('/api/v1/regions', cookie)).json().code).toBe('second_factor_required');

      const setup = await post('/api/v1/auth/totp/setup', cookie);
      expect(setup.statusCode).toBe(200);
      secrets.set('new.secadmin', setup.json().secret);
      expect((await post('/api/v1/auth/totp/confirm', cookie, { code: codeFor('new.secadmin') })).statusCode).toBe(204);
      expect((await get('/api/v1/regions', cookie)).statusCode).toBe(200);
      nextStep();
      expect((await login('new.secadmin', codeFor('new.secadmin'), 'Chosen#Myself7')).statusCode).toBe(200);
    });
  });

  describe('reset by the security admin', () => {
    let secadmin: string;
    let adminId: string;

    beforeAll(async () => {
      adminId = (await userRow('admin')).id;
    });

    const reset = (cookie: string, id: string) => post(`/api/v1/users/${id}/reset-totp`, cookie);

    it('is refused to a security admin not yet enrolled', async () => {
      const pending = cookieOf(await login('secadmin'));
      const response = await reset(pending, adminId);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('second_factor_required');
      expect((await userRow('admin')).totp_enrolled_at).not.toBeNull();
    });

    it('is refused to the system admin, and to a security admin for their own account', async () => {
      secadmin = await enrol('secadmin');
      nextStep();
      const admin = cookieOf(await login('admin', codeFor('admin')));
      expect((await reset(admin, (await userRow('auditor')).id)).json().code).toBe('forbidden');
      expect((await reset(secadmin, (await userRow('secadmin')).id)).json().code).toBe('forbidden');
      expect((await reset(secadmin, 'no-such-user')).statusCode).toBe(404);
      expect((await userRow('auditor')).totp_enrolled_at).not.toBeNull();
      expect((await userRow('secadmin')).totp_enrolled_at).not.toBeNull();
    });

    it("clears another admin's TOTP, ends its sessions, and is audited; the admin enrols again at the next sign-in", async () => {
      nextStep();
      const adminSession = cookieOf(await login('admin', codeFor('admin')));
      const response = await reset(secadmin, adminId);
      expect(response.statusCode).toBe(204);
      expect(await lastAudit()).toMatchObject({ action: 'user.totp_reset', actor_username: 'secadmin', object_type: 'user', object_id: adminId, result: 'success' });
      expect(JSON.parse((await lastAudit()).detail!)).toEqual({ username: 'admin', wasEnrolled: true });
      expect(await userRow('admin')).toMatchObject({ totp_secret_enc: null, totp_last_step: null, totp_enrolled_at: null });
      expect((await get('/api/v1/auth/me', adminSession)).statusCode).toBe(401);

      const again = await login('admin');
      expect(again.statusCode).toBe(200);
      expect(again.json().secondFactor).toBe('enrol');
      expect((await get('/api/v1/users', cookieOf(again))).json().code).toBe('second_factor_required');
    });
  });
});

describe.each(ENGINES)('with SHOUTU_ADMIN_TOTP=off on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { adminTotp: 'off' });
  });
  afterAll(() => t.close());

  it('signs the admin roles in with the password alone, to a full session', async () => {
    for (const username of ['admin', 'secadmin', 'auditor']) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      expect(response.statusCode).toBe(200);
      expect(response.json().secondFactor).toBe('not_required');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: await t.login('admin') } })).statusCode).toBe(200);
  });
});

describe('the SHOUTU_ADMIN_TOTP setting', () => {
  it.each([
    [{}, 'required'],
    [{ SHOUTU_DEMO: '1' }, 'off'],
    [{ SHOUTU_DEMO: '1', SHOUTU_ADMIN_TOTP: 'required' }, 'required'],
    [{ SHOUTU_ADMIN_TOTP: 'off' }, 'off'],
    [{ SHOUTU_SECURITY_PROFILE: 'mlps3' }, 'required'],
    [{ SHOUTU_SECURITY_PROFILE: 'mlps3', SHOUTU_DEMO: '1' }, 'required'],
  ])('%j → %s', (env, expected) => {
    expect(loadConfig(env).adminTotp).toBe(expected);
  });

  it('refuses off in the mlps3 profile, and values it does not know', () => {
    expect(() => loadConfig({ SHOUTU_SECURITY_PROFILE: 'mlps3', SHOUTU_ADMIN_TOTP: 'off' })).toThrow(/not allowed in the mlps3/);
    expect(() => loadConfig({ SHOUTU_ADMIN_TOTP: 'sometimes' })).toThrow(/required or off/);
  });
});
