import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../test-support/harness.js';
import { AUDIT_FIXTURES, fixtureApi, type FixtureApi } from '../test-support/audit-fixtures.js';

const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * SECURITY.md row 10, generated from the route inventory: every route that changes something,
 * called once with a valid request, writes exactly one audit row naming its action, with UTC time,
 * actor, address, object and result, and the chain still verifies. A mutating route without an
 * entry in `test-support/audit-fixtures.ts` fails here, so no route escapes by being new. Travel
 * checks are the documented exception (decision 0010): they write their own log instead.
 */
describe.each(ENGINES)('every mutating route audits on %s', (engine) => {
  let t: TestApp;
  let api: FixtureApi;

  beforeAll(async () => {
    t = await createTestApp(engine);
    api = fixtureApi(t);
  });
  afterAll(() => t.close());

  const routes = () => t.app.routeInventory.filter((r) => r.url.startsWith('/api/')).flatMap((r) => r.methods.filter((m) => MUTATING.includes(m)).map((method) => ({ method, url: r.url, key: `${method} ${r.url}` })));
  const lastSeq = async () => Number((await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? 0);

  it('has an entry for every mutating route, and none for a route that is gone', () => {
    const keys = routes().map((r) => r.key);
    expect(keys.filter((key) => !AUDIT_FIXTURES[key]), 'mutating routes without an entry in test-support/audit-fixtures.ts').toEqual([]);
    expect(Object.keys(AUDIT_FIXTURES).filter((key) => !keys.includes(key)), 'entries for routes that no longer exist').toEqual([]);
  });

  it('writes exactly one audit row with every field for each successful call', async () => {
    const failures: string[] = [];
    let audited = 0;
    let exempt = 0;
    for (const route of routes()) {
      const fixture = AUDIT_FIXTURES[route.key];
      if (!fixture) continue;
      let call;
      try {
        call = await fixture.setup(api);
      } catch (error) {
        failures.push(`${route.key}: setup failed: ${(error as Error).message.slice(0, 300)}`);
        continue;
      }
      const user = call.user ?? fixture.user;
      const cookie = await api.session(user);
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(call.params?.[name] ?? `missing-${name}`)) + (call.query ? `?${call.query}` : '');
      const before = await lastSeq();
      const travelBefore = Number((await t.db.kysely.selectFrom('travel_checks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const payload = call.body === undefined ? undefined : Buffer.isBuffer(call.body) || typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
      const response = await t.app.inject({
        method: route.method as InjectOptions['method'],
        url,
        headers: { cookie, ...(payload !== undefined ? { 'content-type': call.contentType ?? 'application/json' } : {}) },
        ...(payload !== undefined ? { payload } : {}),
      });
      if (response.statusCode >= 300) {
        failures.push(`${route.key}: ${response.statusCode} ${response.body.slice(0, 300)}`);
        continue;
      }
      const rows = await t.db.kysely.selectFrom('audit_log').selectAll().where('seq', '>', before).orderBy('seq').execute();
      if (fixture.action === null) {
        exempt += 1;
        if (rows.length !== 0) failures.push(`${route.key} (not audited: ${fixture.reason}) wrote ${rows.map((r) => r.action).join(', ')}`);
        if (route.url.includes('travel')) {
          const travelAfter = Number((await t.db.kysely.selectFrom('travel_checks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
          if (travelAfter !== travelBefore + 1) failures.push(`${route.key}: the travel check was not logged in travel_checks`);
        }
        continue;
      }
      audited += 1;
      const expected = [fixture.action, ...(fixture.alsoRecords ?? [])].sort();
      const actions = rows.map((r) => r.action).sort();
      if (JSON.stringify(actions) !== JSON.stringify(expected)) {
        failures.push(`${route.key}: expected audit rows ${expected.join(', ')}, got ${actions.join(', ') || 'none'}`);
        continue;
      }
      const row = rows.find((r) => r.action === fixture.action)!;
      const missing = [
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(row.at) && 'UTC time',
        row.actor_username !== user && `actor ${user} (was ${row.actor_username})`,
        !row.ip && 'IP address',
        row.result !== 'success' && 'result success',
        // Sign-in and sign-out act on the session itself; every other action names its object.
        !route.url.startsWith('/api/v1/auth/') && !row.object_type && 'object type',
      ].filter(Boolean);
      if (missing.length > 0) failures.push(`${route.key}: audit row ${row.action} lacks ${missing.join(', ')}`);
    }
    console.log(`audit coverage (${engine}): ${audited} mutating routes audited once each, ${exempt} documented exceptions`);
    expect(failures).toEqual([]);
    expect(await t.app.services.audit.verify(t.db.kysely)).toMatchObject({ ok: true });
    expect(audited).toBeGreaterThan(40);
  }, 240_000);
});
