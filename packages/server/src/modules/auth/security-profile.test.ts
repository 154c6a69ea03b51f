import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { createTestApp, DEMO_PASSWORD, ENGINES, type TestApp } from '../../test-support/harness.js';

const DAY = 86_400_000;

describe('the mlps3 security profile', () => {
  it('holds the government settings by default', () => {
    const config = loadConfig({ SHOUTU_SECURITY_PROFILE: 'mlps3' });
    expect(config.session).toEqual({ idleMinutes: 15, absoluteHours: 8, secureCookie: true });
    expect(config.passwordMaxAgeDays).toBe(90);
    expect(config.adminTotp).toBe('required');
  });

  it('lets a setting be tightened but not loosened', () => {
    expect(loadConfig({ SHOUTU_SECURITY_PROFILE: 'mlps3', SHOUTU_SESSION_IDLE_MINUTES: '10', SHOUTU_PASSWORD_MAX_AGE_DAYS: '60' })).toMatchObject({ session: { idleMinutes: 10 }, passwordMaxAgeDays: 60 });
    expect(() => loadConfig({ SHOUTU_SECURITY_PROFILE: 'mlps3', SHOUTU_SESSION_IDLE_MINUTES: '60' })).toThrow(/looser than the mlps3/);
    expect(() => loadConfig({ SHOUTU_SECURITY_PROFILE: 'mlps3', SHOUTU_SESSION_MAX_HOURS: '24' })).toThrow(/looser than the mlps3/);
    expect(() => loadConfig({ SHOUTU_SECURITY_PROFILE: 'mlps3', SHOUTU_PASSWORD_MAX_AGE_DAYS: '0' })).toThrow(/SHOUTU_PASSWORD_MAX_AGE_DAYS/);
    expect(() => loadConfig({ SHOUTU_SECURITY_PROFILE: 'mlps3', SHOUTU_PASSWORD_MAX_AGE_DAYS: '120' })).toThrow(/not allowed in the mlps3/);
  });

  it('leaves the default profile without rotation and with its longer sessions', () => {
    const config = loadConfig({});
    expect(config.passwordMaxAgeDays).toBe(0);
    expect(config.session).toEqual({ idleMinutes: 30, absoluteHours: 12, secureCookie: false });
  });
});

describe.each(ENGINES)('password rotation on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { passwordMaxAgeDays: 90 });
  });
  afterAll(async () => {
    await t.close();
  });

  const login = async (password: string) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'haizhou', password } });
    expect(response.statusCode).toBe(200);
    return `shoutu_session=${response.cookies.find((c) => c.name === 'shoutu_session')!.value}`;
  };
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('asks for a new password once the old one is past the rotation period, and lets work go on after the change', async () => {
    t.clock.advance(89 * DAY);
    let cookie = await login(DEMO_PASSWORD);
    expect((await get('/api/v1/auth/me', cookie)).json().mustChangePassword).toBe(false);
    expect((await get('/api/v1/units', cookie)).statusCode).toBe(200);

    t.clock.advance(1 * DAY);
    cookie = await login(DEMO_PASSWORD);
    expect((await get('/api/v1/auth/me', cookie)).json().mustChangePassword).toBe(true);
    const refused = await get('/api/v1/units', cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('password_change_required');

    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Rotated#2026-Shoutu' } });
    expect(changed.statusCode).toBeLessThan(300);
    cookie = await login('Rotated#2026-Shoutu');
    expect((await get('/api/v1/auth/me', cookie)).json().mustChangePassword).toBe(false);
    expect((await get('/api/v1/units', cookie)).statusCode).toBe(200);
  });
});
