import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictitiousIds } from '../../../test-support/fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';

const idNumber = fictitiousIds({ fromYear: 1992, sequence: 830 });

describe.each(ENGINES)('gate device tokens on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let station: { id: string; regionCode: string };
  let port: { id: string };
  let token: string;
  let tokenId: string;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun] = await Promise.all([t.login('haizhou'), t.login('lianyun')]);
    const leader = await t.login('leader');
    const checkpoints = (await t.app.inject({ method: 'GET', url: '/api/v1/checkpoints', headers: { cookie: leader } })).json().items as Array<{ id: string; name: string; regionCode: string }>;
    station = checkpoints.find((c) => c.name.startsWith('连云港站'))!;
    port = checkpoints.find((c) => c.regionCode === '320703')!;
  });
  afterAll(() => t.close());

  const asUser = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  const asDevice = (bearer: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${bearer}` }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  const checks = () => t.db.kysely.selectFrom('travel_checks').selectAll().execute();

  it('is issued by a checkpoint admin of the ground, shown once and stored as a hash', async () => {
    const response = await asUser(haizhou, 'POST', `/checkpoints/${station.id}/tokens`, { name: '进站口 3 号闸机' });
    expect(response.statusCode).toBe(201);
    const issued = response.json();
    expect(issued).toMatchObject({ checkpointId: station.id, name: '进站口 3 号闸机', revokedAt: null, lastUsedAt: null, token: expect.stringMatching(/^sttk_[A-Za-z0-9_-]{43}$/) });
    token = issued.token;
    tokenId = issued.id;
    const listed = (await asUser(haizhou, 'GET', `/checkpoints/${station.id}/tokens`)).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: tokenId, name: '进站口 3 号闸机' })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    const stored = await t.db.kysely.selectFrom('checkpoint_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'checkpoint_token.issue').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('lets the device make travel checks, logged against its checkpoint', async () => {
    const before = (await checks()).length;
    const response = await asDevice(token, 'POST', '/travel-checks', { idNumber: idNumber((serial += 1)), destination: '110000' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().decision).toBe('allow');
    const rows = await checks();
    expect(rows).toHaveLength(before + 1);
    expect(rows.find((r) => r.id === response.json().id)).toMatchObject({ checkpoint_id: station.id, region_code: station.regionCode, device_token_id: tokenId, checked_by: null });
    // Naming its own checkpoint is the same.
    expect((await asDevice(token, 'POST', '/travel-checks', { idNumber: idNumber((serial += 1)), destination: '110000', checkpointId: station.id })).statusCode).toBe(200);
    const used = await t.db.kysely.selectFrom('checkpoint_tokens').select('last_used_at').where('id', '=', tokenId).executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();
    // The check counts on the district's dashboard and in its check log.
    const log = (await asUser(haizhou, 'GET', '/travel-checks?limit=200')).json().items;
    expect(log).toContainEqual(expect.objectContaining({ id: response.json().id, deviceTokenId: tokenId, checkpointId: station.id }));
  });

  it('refuses the device everywhere else, and for another checkpoint', async () => {
    const before = (await checks()).length;
    for (const [method, url] of [
      ['GET', '/persons'],
      ['GET', '/checkpoints'],
      ['GET', '/epidemic/dashboard'],
      ['GET', `/checkpoints/${station.id}/tokens`],
      ['POST', '/travel/check'],
      ['GET', '/auth/me'],
    ] as const) {
      const response = await asDevice(token, method, url, method === 'POST' ? { idNumber: idNumber(1), destination: '110000' } : undefined);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json().code).toBe('device_token_not_allowed');
    }
    const other = await asDevice(token, 'POST', '/travel-checks', { idNumber: idNumber((serial += 1)), destination: '110000', checkpointId: port.id });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('device_checkpoint_mismatch');
    expect(await checks()).toHaveLength(before);
  });

  it('refuses a revoked or unknown token', async () => {
    expect((await asDevice('sttk_not-a-token-at-all-000000000000000000000', 'POST', '/travel-checks', { idNumber: idNumber(2), destination: '110000' })).statusCode).toBe(401);
    const revoked = await asUser(haizhou, 'POST', `/checkpoints/${station.id}/tokens/${tokenId}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const refused = await asDevice(token, 'POST', '/travel-checks', { idNumber: idNumber(3), destination: '110000' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('device_token_invalid');
    expect((await asUser(haizhou, 'POST', `/checkpoints/${station.id}/tokens/${tokenId}/revoke`)).statusCode).toBe(409);
  });

  it('belongs to the ground: another district sees no such checkpoint, other roles may not issue', async () => {
    expect((await asUser(lianyun, 'GET', `/checkpoints/${station.id}/tokens`)).statusCode).toBe(404);
    expect((await asUser(lianyun, 'POST', `/checkpoints/${station.id}/tokens`, { name: '越权闸机' })).statusCode).toBe(404);
    expect((await asUser(lianyun, 'POST', `/checkpoints/${station.id}/tokens/${tokenId}/revoke`)).statusCode).toBe(404);
    for (const user of ['grid', 'checkpoint']) {
      expect((await asUser(await t.login(user), 'POST', `/checkpoints/${station.id}/tokens`, { name: '无权闸机' })).statusCode, user).toBe(403);
    }
  });

  it('refuses a bad name with 400 and writes nothing', async () => {
    const before = await t.db.kysely.selectFrom('checkpoint_tokens').selectAll().execute();
    for (const body of [{ name: 'x' }, {}, { name: '闸机', extra: 1 }]) expect((await asUser(haizhou, 'POST', `/checkpoints/${station.id}/tokens`, body)).statusCode).toBe(400);
    expect(await t.db.kysely.selectFrom('checkpoint_tokens').selectAll().execute()).toEqual(before);
  });
});
