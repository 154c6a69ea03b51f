import { sql } from 'kysely';
import type { LightMyRequestResponse as InjectResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import type { AuditLogTable } from '../../db/schema.js';
import { createTestApp, DEMO_PASSWORD, ENGINES, type TestApp } from '../../test-support/harness.js';
import { chainHash } from './audit.chain.js';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type AuditRow = { [K in keyof AuditLogTable]: K extends 'seq' ? number : AuditLogTable[K] };

async function auditRows(db: Db): Promise<AuditRow[]> {
  return db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
}

/** Lets a test change audit rows as someone with direct database access could, once the guard triggers are gone. */
async function dropAppendOnlyGuards(db: Db): Promise<void> {
  if (db.dialect === 'postgres') {
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db.kysely);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(db.kysely);
    await sql`drop trigger audit_log_no_delete`.execute(db.kysely);
  }
}

/** Makes every audit write fail, as a full disk or a broken audit table would. */
async function breakAuditWrites(db: Db): Promise<void> {
  if (db.dialect === 'postgres') {
    await sql`create function audit_log_refuse_insert() returns trigger language plpgsql as $$
      begin raise exception 'injected audit failure'; end $$`.execute(db.kysely);
    await sql`create trigger audit_log_refuse_insert before insert on audit_log for each row execute function audit_log_refuse_insert()`.execute(db.kysely);
  } else {
    await sql`create trigger audit_log_refuse_insert before insert on audit_log begin select raise(abort, 'injected audit failure'); end`.execute(db.kysely);
  }
}

async function repairAuditWrites(db: Db): Promise<void> {
  if (db.dialect === 'postgres') await sql`drop trigger audit_log_refuse_insert on audit_log`.execute(db.kysely);
  else await sql`drop trigger audit_log_refuse_insert`.execute(db.kysely);
}

/** SECURITY.md rows 10 and 11: one audit row per change, with every field, in a chain the database keeps append-only. */
describe.each(ENGINES)('audit trail on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  let auditor: string;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [admin, auditor] = await Promise.all([t.login('admin'), t.login('auditor')]);
    adminId = (await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  /** Runs one call and returns the audit rows it wrote. */
  async function auditedBy(call: () => Promise<InjectResponse>): Promise<{ response: InjectResponse; rows: AuditRow[] }> {
    const before = (await auditRows(t.db)).length;
    const response = await call();
    return { response, rows: (await auditRows(t.db)).slice(before) };
  }

  function expectComplete(row: AuditRow | undefined, expected: Partial<AuditRow>) {
    expect(row).toBeDefined();
    expect(row!.at).toMatch(ISO_UTC);
    expect(row!.at).toBe(t.clock.now().toISOString());
    expect(row!.ip).toBe('127.0.0.1');
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row).toMatchObject({ result: 'success', ...expected });
  }

  const inject = (method: 'POST' | 'PATCH', url: string, cookie: string | null, payload?: Record<string, unknown>) =>
    t.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });

  it('records a sign-in once: time, actor, IP, action and result', async () => {
    const { response, rows } = await auditedBy(() => inject('POST', '/api/v1/auth/login', null, { username: 'admin', password: DEMO_PASSWORD }));
    expect(response.statusCode).toBe(200);
    expect(rows).toHaveLength(1);
    expectComplete(rows[0], { action: 'auth.login', actor_id: adminId, actor_username: 'admin' });
  });

  it('records a failed sign-in once, as a failure', async () => {
    const { response, rows } = await auditedBy(() => inject('POST', '/api/v1/auth/login', null, { username: 'admin', password: 'Wrong#Password1' }));
    expect(response.statusCode).toBe(401);
    expect(rows).toHaveLength(1);
    expectComplete(rows[0], { action: 'auth.login', actor_id: adminId, actor_username: 'admin', result: 'failure' });
    expect(rows[0]!.detail).not.toContain('Wrong#Password1');
  });

  it('records a new unit once, naming the unit', async () => {
    const { response, rows } = await auditedBy(() => inject('POST', '/api/v1/units', admin, { name: '审计测试局', kind: 'department', regionCode: '320706' }));
    expect(response.statusCode).toBe(201);
    expect(rows).toHaveLength(1);
    expectComplete(rows[0], { action: 'unit.create', actor_id: adminId, actor_username: 'admin', object_type: 'unit', object_id: response.json().id });
  });

  it('records a unit change once', async () => {
    const unit = (await inject('POST', '/api/v1/units', admin, { name: '待修改的局', kind: 'department', regionCode: '320706' })).json();
    const { response, rows } = await auditedBy(() => inject('PATCH', `/api/v1/units/${unit.id}`, admin, { version: unit.version, name: '已修改的局' }));
    expect(response.statusCode).toBe(200);
    expect(rows).toHaveLength(1);
    expectComplete(rows[0], { action: 'unit.update', actor_username: 'admin', object_type: 'unit', object_id: unit.id });
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ fields: ['name'] });
  });

  it('records a new account once, without its password', async () => {
    const password = 'Initial#2026';
    const { response, rows } = await auditedBy(() =>
      inject('POST', '/api/v1/users', admin, { username: 'audited.user', displayName: '审计测试', roles: ['town_officer'], regionCodes: ['320706'], password }),
    );
    expect(response.statusCode).toBe(201);
    expect(rows).toHaveLength(1);
    expectComplete(rows[0], { action: 'user.create', actor_username: 'admin', object_type: 'user', object_id: response.json().id });
    expect(rows[0]!.detail).not.toContain(password);
  });

  it('records a change of roles as a permission change, once', async () => {
    const user = await t.db.kysely.selectFrom('users').selectAll().where('username', '=', 'audited.user').executeTakeFirstOrThrow();
    const { response, rows } = await auditedBy(() => inject('PATCH', `/api/v1/users/${user.id}`, admin, { version: user.version, roles: ['grid_worker'] }));
    expect(response.statusCode).toBe(200);
    expect(rows).toHaveLength(1);
    expectComplete(rows[0], { action: 'user.permissions_change', actor_username: 'admin', object_type: 'user', object_id: user.id });
  });

  it('records a password change once', async () => {
    const cookie = await t.login('audited.user', 'Initial#2026');
    const user = await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'audited.user').executeTakeFirstOrThrow();
    const { response, rows } = await auditedBy(() => inject('POST', '/api/v1/auth/password', cookie, { currentPassword: 'Initial#2026', newPassword: 'Chosen#Myself7' }));
    expect(response.statusCode).toBe(204);
    expect(rows).toHaveLength(1);
    expectComplete(rows[0], { action: 'auth.password_change', actor_id: user.id, actor_username: 'audited.user', object_type: 'user', object_id: user.id });
    expect(rows[0]!.detail ?? '').not.toContain('Chosen#Myself7');
  });

  it('records a sign-out once', async () => {
    const cookie = await t.login('leader');
    const { response, rows } = await auditedBy(() => inject('POST', '/api/v1/auth/logout', cookie));
    expect(response.statusCode).toBe(204);
    expect(rows).toHaveLength(1);
    expectComplete(rows[0], { action: 'auth.logout', actor_username: 'leader' });
  });

  it('writes no audit row for a change that was refused', async () => {
    const { response, rows } = await auditedBy(() => inject('POST', '/api/v1/units', admin, { name: '越界的局', kind: 'department', regionCode: '320100' }));
    expect(response.statusCode).toBe(400);
    expect(rows).toEqual([]);
  });

  it('chains every row to the one before it', async () => {
    const rows = await auditRows(t.db);
    expect(rows.length).toBeGreaterThan(10);
    rows.forEach((row, i) => {
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]!.hash);
      expect(row.hash).toBe(chainHash(row.prev_hash, row));
    });
  });

  it('lets the audit admin verify the whole chain', async () => {
    const response = await inject('POST', '/api/v1/audit/verify', auditor);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, checked: (await auditRows(t.db)).length, firstBadSeq: null });
  });

  it('shows the audit admin the trail newest first', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=3', headers: { cookie: auditor } });
    expect(response.statusCode).toBe(200);
    const newest = (await auditRows(t.db)).slice(-3).reverse();
    expect(response.json().items.map((e: { seq: number }) => e.seq)).toEqual(newest.map((r) => r.seq));
    expect(response.json().nextCursor).toEqual(expect.any(String));
  });

  it('has the database refuse an UPDATE of an audit row', async () => {
    const before = await auditRows(t.db);
    await expect(t.db.kysely.updateTable('audit_log').set({ result: 'failure' }).where('seq', '=', before[0]!.seq).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.kysely.updateTable('audit_log').set({ actor_username: 'nobody' }).execute()).rejects.toThrow(/append-only/);
    expect(await auditRows(t.db)).toEqual(before);
  });

  it('has the database refuse a DELETE of audit rows', async () => {
    const before = await auditRows(t.db);
    await expect(t.db.kysely.deleteFrom('audit_log').where('seq', '=', before[before.length - 1]!.seq).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (engine === 'postgres') await expect(sql`truncate audit_log`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    expect(await auditRows(t.db)).toEqual(before);
  });

  it('offers no route that changes or removes audit rows', async () => {
    const before = (await auditRows(t.db)).length;
    const seq = (await auditRows(t.db))[0]!.seq;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/v1/audit', `/api/v1/audit/${seq}`]) {
        const response = await t.app.inject({ method, url, headers: { cookie: auditor }, payload: {} });
        expect([404, 405], `${method} ${url}`).toContain(response.statusCode);
      }
    }
    expect((await auditRows(t.db)).length).toBe(before);
  });
});

/** SECURITY.md row 11: someone who gets past the triggers still cannot change the trail unnoticed. */
describe.each(ENGINES)('tamper evidence on %s', (engine) => {
  let t: TestApp;
  let auditor: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const username of ['leader', 'haizhou', 'lianyun']) await t.login(username);
    auditor = await t.login('auditor');
    await dropAppendOnlyGuards(t.db);
  });
  afterAll(() => t.close());

  const verify = async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: { cookie: auditor } });
    expect(response.statusCode).toBe(200);
    return response.json() as { ok: boolean; checked: number; firstBadSeq: number | null };
  };
  const rowBy = async (username: string) => (await auditRows(t.db)).find((r) => r.actor_username === username && r.action === 'auth.login')!;

  it('finds a row changed in the database and names its seq', async () => {
    const target = await rowBy('haizhou');
    const rowsBefore = (await auditRows(t.db)).filter((r) => r.seq < target.seq).length;
    await t.db.kysely.updateTable('audit_log').set({ actor_username: 'someone-else' }).where('seq', '=', target.seq).execute();
    expect(await verify()).toEqual({ ok: false, checked: rowsBefore, firstBadSeq: target.seq });

    await t.db.kysely.updateTable('audit_log').set({ actor_username: 'haizhou' }).where('seq', '=', target.seq).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds a changed row even when its hash was recomputed, at the row after it', async () => {
    const target = await rowBy('leader');
    const forged = { ...target, result: 'failure' as const };
    await t.db.kysely.updateTable('audit_log').set({ result: 'failure', hash: chainHash(target.prev_hash, forged) }).where('seq', '=', target.seq).execute();
    const next = (await auditRows(t.db)).find((r) => r.seq > target.seq)!;
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: next.seq });

    await t.db.kysely.updateTable('audit_log').set({ result: target.result, hash: target.hash }).where('seq', '=', target.seq).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds a row removed from the database, at the row after the gap', async () => {
    const target = await rowBy('lianyun');
    const next = (await auditRows(t.db)).find((r) => r.seq > target.seq)!;
    await t.db.kysely.deleteFrom('audit_log').where('seq', '=', target.seq).execute();
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: next.seq });
  });
});

/** SECURITY.md row 12: when the audit row cannot be written, the change it records is rolled back. */
describe.each(ENGINES)('failing closed when the audit trail cannot be written on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  let unit: { id: string; name: string; version: number };

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
    unit = (await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name: '故障前的局', kind: 'department', regionCode: '320706' } })).json();
    await breakAuditWrites(t.db);
  });
  afterAll(() => t.close());

  const unitsNamed = async (name: string) =>
    Number((await t.db.kysely.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('name', '=', name).executeTakeFirstOrThrow()).n);

  function expectBareInternalError(response: InjectResponse, instance: string) {
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toContain('application/problem+json');
    // Exactly the problem fields: no stack, no database message, no SQL.
    expect(response.json()).toEqual({
      type: 'https://shoutu.invalid/problems/internal_error',
      title: 'Internal server error',
      status: 500,
      code: 'internal_error',
      message: { 'zh-CN': expect.any(String), en: 'Internal server error' },
      instance,
    });
    expect(response.body).not.toMatch(/injected|audit_log|\bat\s|\.ts:|\.js:/);
  }

  it('answers 500 to a new unit whose audit row fails, and the unit does not exist', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name: '不该存在的局', kind: 'department', regionCode: '320706' } });
    expectBareInternalError(response, '/api/v1/units');
    expect(await unitsNamed('不该存在的局')).toBe(0);
  });

  it('leaves a unit unchanged when the audit row of its change fails', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: `/api/v1/units/${unit.id}`, headers: { cookie: admin }, payload: { version: unit.version, name: '不该出现的名字' } });
    expectBareInternalError(response, `/api/v1/units/${unit.id}`);
    expect(await t.db.kysely.selectFrom('units').select(['name', 'version']).where('id', '=', unit.id).executeTakeFirst()).toEqual({ name: unit.name, version: unit.version });
  });

  it('creates no account when the audit row of its creation fails', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: 'unaudited.user', displayName: '无审计', roles: ['town_officer'], regionCodes: ['320706'], password: 'Initial#2026' },
    });
    expectBareInternalError(response, '/api/v1/users');
    expect(await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'unaudited.user').executeTakeFirst()).toBeUndefined();
  });

  it('opens no session when the audit row of a sign-in fails', async () => {
    const sessionsBefore = await t.db.kysely.selectFrom('sessions').select('token_hash').execute();
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'leader', password: DEMO_PASSWORD } });
    expectBareInternalError(response, '/api/v1/auth/login');
    expect(response.cookies.find((c) => c.name === 'shoutu_session')).toBeUndefined();
    expect(await t.db.kysely.selectFrom('sessions').select('token_hash').execute()).toEqual(sessionsBefore);
  });

  it('keeps running, and writes again once the audit trail can be written', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await repairAuditWrites(t.db);
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name: '恢复后的局', kind: 'department', regionCode: '320706' } });
    expect(response.statusCode).toBe(201);
    expect(await unitsNamed('恢复后的局')).toBe(1);
    const auditor = await t.login('auditor');
    const verify = await t.app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: { cookie: auditor } });
    expect(verify.json()).toMatchObject({ ok: true, firstBadSeq: null });
  });
});
