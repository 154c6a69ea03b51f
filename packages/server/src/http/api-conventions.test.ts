import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestApp, ENGINES, type TestApp } from '../test-support/harness.js';

interface RouteEntry {
  method: string;
  url: string;
}

/**
 * Reads the route tree Fastify prints (`printRoutes({ commonPrefix: false })`) back into a flat
 * list: each line is one path segment, indented four characters per level below its parent.
 */
function routeInventory(tree: string): RouteEntry[] {
  const stack: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of tree.split('\n')) {
    const marker = line.indexOf('── ');
    if (marker < 0) continue;
    const depth = (marker - 1) / 4;
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(marker + 3))!;
    stack[depth] = match[1]!;
    stack.length = depth + 1;
    const url = stack.join('');
    for (const method of match[2]?.split(', ') ?? []) routes.push({ method, url });
  }
  return routes;
}

const SAMPLE_PARAMS: Record<string, string> = { id: '00000000-0000-4000-8000-000000000000', code: '320706' };
const concrete = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? 'sample').replace('*', 'sample');

const PUBLIC_API_ROUTES = ['GET /api/v1/system/info', 'HEAD /api/v1/system/info', 'POST /api/v1/auth/login'];

const VALID_UNIT = { name: '约定测试局', kind: 'department', regionCode: '320706' };

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toMatchObject({ type: expect.stringContaining(code), title: expect.any(String), status, code, instance: expect.stringMatching(/^\//) });
  expect(body.message['zh-CN']).toMatch(/\p{Script=Han}/u);
  expect(body.message.en).toMatch(/[A-Za-z]/);
  return body as { code: string; errors?: Array<{ field: string; code: string; message: { 'zh-CN': string; en: string } }> };
}

function expectSecurityHeaders(response: LightMyRequestResponse, url: string) {
  expect(response.headers['x-content-type-options'], url).toBe('nosniff');
  expect(response.headers['x-frame-options'], url).toBe('DENY');
  if (!url.startsWith('/api/docs')) expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
  if (url.startsWith('/api/')) expect(response.headers['cache-control'], url).toBe('no-store');
}

/** How every route behaves at the edges: errors, bad input, retries, paging, documents and headers (SECURITY.md rows 5, 7, 24, 26). */
describe.each(ENGINES)('API conventions on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  let inventory: RouteEntry[];

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
    inventory = routeInventory(t.app.printRoutes({ commonPrefix: false }));
  });
  afterAll(() => t.close());

  const countUnits = async (name?: string) => {
    let query = t.db.kysely.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n'));
    if (name !== undefined) query = query.where('name', '=', name);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  const postUnit = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin, ...headers }, payload: payload as InjectOptions['payload'] });

  describe('bad input: a clear 4xx, nothing written, the server stays up', () => {
    const json = { 'content-type': 'application/json' };
    it.each([
      { input: 'malformed JSON', body: '{"name": "约定测试局", ', headers: json, status: 400, code: 'malformed_json' },
      { input: 'an empty JSON body', body: '', headers: json, status: 400, code: 'malformed_json' },
      { input: 'invalid UTF-8', body: Buffer.concat([Buffer.from('{"name":"坏'), Buffer.from([0xff, 0xfe]), Buffer.from('","kind":"department","regionCode":"320706"}')]), headers: json, status: 400, code: 'malformed_json' },
      { input: 'a __proto__ key', body: '{"name":"x","kind":"department","regionCode":"320706","__proto__":{"admin":true}}', headers: json, status: 400, code: 'malformed_json' },
      { input: 'a name that is a number', body: { ...VALID_UNIT, name: 5 }, status: 400, code: 'validation_failed', field: { field: 'name', code: 'wrong_type' } },
      { input: 'an unknown field', body: { ...VALID_UNIT, createdBy: 'someone' }, status: 400, code: 'validation_failed', field: { field: 'createdBy', code: 'unknown_field' } },
      { input: 'a missing field', body: { name: VALID_UNIT.name, kind: 'department' }, status: 400, code: 'validation_failed', field: { field: 'regionCode', code: 'required' } },
      { input: 'a value not in the list', body: { ...VALID_UNIT, kind: 'ministry' }, status: 400, code: 'validation_failed', field: { field: 'kind', code: 'invalid' } },
      { input: 'a region code of the wrong shape', body: { ...VALID_UNIT, regionCode: "320706' or '1'='1" }, status: 400, code: 'validation_failed', field: { field: 'regionCode', code: 'invalid' } },
      { input: 'a region outside the caller’s ground', body: { ...VALID_UNIT, regionCode: '320100' }, status: 400, code: 'validation_failed', field: { field: 'regionCode', code: 'outside_ground' } },
      { input: 'a name over 100 characters', body: { ...VALID_UNIT, name: '局'.repeat(101) }, status: 400, code: 'validation_failed', field: { field: 'name', code: 'too_long' } },
      { input: 'an array instead of an object', body: [VALID_UNIT], status: 400, code: 'validation_failed', field: { field: 'body', code: 'wrong_type' } },
      { input: 'a body over the size limit (256 KiB)', body: { ...VALID_UNIT, matters: ['x'.repeat(256 * 1024)] }, status: 413, code: 'payload_too_large' },
      { input: 'a content type the API does not take', body: '<unit/>', headers: { 'content-type': 'application/xml' }, status: 415, code: 'unsupported_media_type' },
    ])('$input → $status $code', async ({ body, headers, status, code, field }) => {
      const before = await countUnits();
      const response = await postUnit(body, headers);
      const problem = expectProblem(response, status, code);
      if (field) expect(problem.errors).toContainEqual({ ...field, message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
      expect(response.body).not.toMatch(/\bat\s.*:\d+|node_modules|SELECT|INSERT/i);
      expect(await countUnits()).toBe(before);
      expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    });

    it('draws the size limit at exactly 256 KiB by default: one byte more is 413', async () => {
      expect(t.config.bodyLimitBytes).toBe(256 * 1024);
      const ofSize = (bytes: number) => {
        const frame = JSON.stringify({ ...VALID_UNIT, name: '' });
        return frame.replace('"name":""', `"name":"${'x'.repeat(bytes - frame.length)}"`);
      };
      expect(Buffer.byteLength(ofSize(256 * 1024))).toBe(256 * 1024);
      const atLimit = await postUnit(ofSize(256 * 1024), json);
      expect(expectProblem(atLimit, 400, 'validation_failed').errors).toContainEqual(expect.objectContaining({ field: 'name', code: 'too_long' }));
      expectProblem(await postUnit(ofSize(256 * 1024 + 1), json), 413, 'payload_too_large');
    });
  });

  it.each([
    ['400 for a broken body', () => postUnit('{', { 'content-type': 'application/json' }), 400, 'malformed_json'],
    ['401 without a session', () => t.app.inject({ method: 'GET', url: '/api/v1/units' }), 401, 'unauthenticated'],
    ['403 for a role without the permission', async () => t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: await t.login('haizhou') }, payload: VALID_UNIT }), 403, 'forbidden'],
    ['404 for an unknown unit', () => t.app.inject({ method: 'GET', url: '/api/v1/units/no-such-unit', headers: { cookie: admin } }), 404, 'not_found'],
    ['404 for an unknown API path', () => t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing', headers: { cookie: admin } }), 404, 'not_found'],
    ['428 for an update without a version', async () => {
      const unit = (await postUnit({ ...VALID_UNIT, name: '无版本更新局' })).json();
      return t.app.inject({ method: 'PATCH', url: `/api/v1/units/${unit.id}`, headers: { cookie: admin }, payload: { name: 'x' } });
    }, 428, 'version_required'],
    ['409 for an update from a stale version', async () => {
      const unit = (await postUnit({ ...VALID_UNIT, name: '过期版本局' })).json();
      await t.app.inject({ method: 'PATCH', url: `/api/v1/units/${unit.id}`, headers: { cookie: admin }, payload: { version: 1, name: '过期版本局·改' } });
      return t.app.inject({ method: 'PATCH', url: `/api/v1/units/${unit.id}`, headers: { cookie: admin }, payload: { version: 1, name: '过期版本局·再改' } });
    }, 409, 'version_conflict'],
  ] as Array<[string, () => Promise<LightMyRequestResponse>, number, string]>)(
    'answers %s as application/problem+json with a stable code and a message in Chinese and English',
    async (_label, call, status, code) => {
      expectProblem(await call(), status, code);
    },
  );

  describe('Idempotency-Key on POST', () => {
    it('replays the first answer to a retry with the same key and body, and creates one row', async () => {
      const body = { ...VALID_UNIT, name: '幂等重试局' };
      const first = await postUnit(body, { 'idempotency-key': 'retry-0001-aaaa' });
      expect(first.statusCode).toBe(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const retry = await postUnit(body, { 'idempotency-key': 'retry-0001-aaaa' });
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json()).toEqual(first.json());
      expect(await countUnits('幂等重试局')).toBe(1);
    });

    it('refuses the same key with another body with 422 idempotency_key_reused', async () => {
      expect((await postUnit({ ...VALID_UNIT, name: '幂等原请求局' }, { 'idempotency-key': 'retry-0002-bbbb' })).statusCode).toBe(201);
      const other = await postUnit({ ...VALID_UNIT, name: '幂等另一请求局' }, { 'idempotency-key': 'retry-0002-bbbb' });
      expectProblem(other, 422, 'idempotency_key_reused');
      expect(await countUnits('幂等另一请求局')).toBe(0);
      expect(await countUnits('幂等原请求局')).toBe(1);
    });

    it('does not use up a key on a request that was refused', async () => {
      expect((await postUnit({ ...VALID_UNIT, name: '先被拒绝的局', regionCode: '320100' }, { 'idempotency-key': 'retry-0003-cccc' })).statusCode).toBe(400);
      const corrected = await postUnit({ ...VALID_UNIT, name: '先被拒绝的局' }, { 'idempotency-key': 'retry-0003-cccc' });
      expect(corrected.statusCode).toBe(201);
      expect(corrected.headers['idempotent-replayed']).toBeUndefined();
      expect(await countUnits('先被拒绝的局')).toBe(1);
    });

    it('refuses a key that is too short or has odd characters', async () => {
      for (const key of ['short', 'has spaces in it', 'x'.repeat(129)]) {
        expectProblem(await postUnit({ ...VALID_UNIT, name: '坏键局' }, { 'idempotency-key': key }), 400, 'validation_failed');
      }
      expect(await countUnits('坏键局')).toBe(0);
    });
  });

  describe('cursor pagination', () => {
    it('pages through units with an opaque cursor: every unit once, none twice', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/v1/units?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const response = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
        expect(response.statusCode).toBe(200);
        const page = response.json() as { items: Array<{ id: string }>; nextCursor: string | null };
        expect(page.items.length).toBeGreaterThan(0);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((u) => u.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 100);
      expect(cursor).toBeNull();
      const all = (await t.db.kysely.selectFrom('units').select('id').execute()).map((u) => u.id);
      expect(all.length).toBeGreaterThan(4);
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...all].sort());
      expect(pages).toBe(Math.ceil(all.length / 2));
    });

    it.each([
      ['not base64 JSON', 'garbage!!'],
      ['JSON that is not a key', Buffer.from('{"offset":0}').toString('base64url')],
      ['a key of the wrong length', Buffer.from('["only one"]').toString('base64url')],
      ['a key with objects in it', Buffer.from('[{},{}]').toString('base64url')],
      ['an SQL injection string', "' or 1=1 --"],
    ])('refuses a cursor that is %s with 400', async (_label, cursor) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/units?cursor=${encodeURIComponent(cursor)}`, headers: { cookie: admin } });
      const problem = expectProblem(response, 400, 'validation_failed');
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'invalid' })]);
    });

    it.each([
      ['0', 'out_of_range'],
      ['201', 'out_of_range'],
      ['two', 'wrong_type'],
    ])('refuses limit=%s', async (limit, code) => {
      const problem = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/units?limit=${limit}`, headers: { cookie: admin } }), 400, 'validation_failed');
      expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'limit', code }));
    });
  });

  it('publishes an OpenAPI 3.1 document of the API to anyone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { securitySchemes: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.session).toEqual({ type: 'apiKey', in: 'cookie', name: 'shoutu_session' });
    expect(Object.keys(document.paths['/api/v1/auth/login']!)).toContain('post');
    expect(Object.keys(document.paths['/api/v1/regions']!)).toContain('get');
    expect(Object.keys(document.paths['/api/v1/units']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(document.paths['/api/v1/units/{id}']!)).toEqual(expect.arrayContaining(['get', 'patch']));
    // Every API route is documented.
    for (const { method, url } of inventory.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD')) {
      const path = url.replace(/:(\w+)/g, '{$1}');
      expect(document.paths[path], `${method} ${url}`).toBeDefined();
      expect(Object.keys(document.paths[path]!), `${method} ${url}`).toContain(method.toLowerCase());
    }
  });

  it('answers /healthz with a database round trip', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: engine });
  });

  it('exposes request durations at /metrics in the Prometheus format', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie: admin } });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('# TYPE shoutu_http_request_duration_seconds histogram');
    expect(response.body).toMatch(/shoutu_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/units",status="200"\} [1-9]/);
  });

  it('sets the security headers and Cache-Control: no-store on API answers, successful or not', async () => {
    const responses: Array<[string, LightMyRequestResponse]> = [
      ['/api/v1/units', await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie: admin } })],
      ['/api/v1/units', await t.app.inject({ method: 'GET', url: '/api/v1/units' })],
      ['/api/v1/units', await postUnit('{', { 'content-type': 'application/json' })],
      ['/api/v1/nothing', await t.app.inject({ method: 'GET', url: '/api/v1/nothing' })],
      ['/api/openapi.json', await t.app.inject({ method: 'GET', url: '/api/openapi.json' })],
    ];
    expect(responses.map(([, r]) => r.statusCode)).toEqual([200, 401, 400, 404, 200]);
    for (const [url, response] of responses) {
      expectSecurityHeaders(response, url);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  describe('route inventory: every route declares its permission', () => {
    it('refuses to register an /api route, or a POST anywhere, that declares no permission', async () => {
      const app = await buildApp({ config: t.config, db: t.db, clock: t.clock, logger: false, masterKey: randomBytes(32) });
      try {
        expect(() => app.get('/api/v1/undeclared', async () => 1)).toThrow(/GET \/api\/v1\/undeclared declares no permission/);
        expect(() => app.post('/api/v1/undeclared', async () => 1)).toThrow(/declares no permission/);
        expect(() => app.post('/form-outside-the-api', async () => 1)).toThrow(/declares no permission/);
        expect(() => app.get('/api/v1/declared', { config: { permission: 'authenticated' } }, async () => 1)).not.toThrow();
      } finally {
        await app.close();
      }
    });

    it('finds the API routes in the inventory', () => {
      const names = inventory.map((r) => `${r.method} ${r.url}`);
      expect(names).toEqual(
        expect.arrayContaining([
          'POST /api/v1/auth/login',
          'POST /api/v1/auth/logout',
          'GET /api/v1/auth/me',
          'GET /api/v1/regions/:code',
          'GET /api/v1/units',
          'PATCH /api/v1/units/:id',
          'POST /api/v1/users/:id/reset-password',
          'POST /api/v1/audit/verify',
          'GET /healthz',
        ]),
      );
      expect(inventory.filter((r) => r.url.startsWith('/api/v1/')).length).toBeGreaterThanOrEqual(20);
    });

    it('answers 401 without a session on every /api/v1 route except the public ones, and never 200', async () => {
      const api = inventory.filter((r) => r.url.startsWith('/api/v1/'));
      for (const { method, url } of api) {
        const name = `${method} ${url}`;
        const response = await t.app.inject({ method: method as InjectOptions['method'], url: concrete(url) });
        if (PUBLIC_API_ROUTES.includes(name)) {
          expect(response.statusCode, name).not.toBe(401);
          continue;
        }
        expect(response.statusCode, name).not.toBe(200);
        expect(response.statusCode, name).toBe(401);
        if (method !== 'HEAD') expect(response.json().code, name).toBe('unauthenticated');
      }
      expect(api.filter((r) => PUBLIC_API_ROUTES.includes(`${r.method} ${r.url}`)).length).toBe(PUBLIC_API_ROUTES.length);
    });

    it('sets the security headers on the answer of every route', async () => {
      // A session of its own: the walk also signs out.
      const cookie = await t.login('leader');
      for (const { method, url } of inventory) {
        const response = await t.app.inject({ method: method as InjectOptions['method'], url: concrete(url), headers: { cookie } });
        expectSecurityHeaders(response, url);
      }
    });
  });
});

/** SECURITY.md row 26: losing database connections is a fault to survive, not a crash. */
describe('when PostgreSQL ends the server’s idle connections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('postgres');
  });
  afterAll(() => t.close());

  it('keeps running, tells the operator, and answers again on fresh connections', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    const cookie = await t.login('leader');
    // Several requests at once leave several idle connections in the pool.
    await Promise.all(Array.from({ length: 5 }, () => t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie } })));
    const database = new URL(t.db.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.SHOUTU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    try {
      const killed = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [database]);
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // Give the pool time to notice the closed connections.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const units = await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie } });
    expect(units.statusCode).toBe(200);
    expect(units.json().items.length).toBeGreaterThan(0);
    process.off('warning', onWarning);
    expect(warnings).toContainEqual(expect.stringContaining('PostgreSQL closed an idle connection'));
  });
});
