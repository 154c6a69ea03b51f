import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETRY } from '../db/retry.js';
import { BACKUP_TABLES } from '../ops/backup.repository.js';
import { FAULTS_BY_ENGINE, type FaultRule } from '../test-support/faults.js';
import { createTestApp, ENGINES, type TestApp } from '../test-support/harness.js';
import { AUDIT_FIXTURES, fixtureApi, type FixtureApi } from '../test-support/audit-fixtures.js';

const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** The call's own first write: sessions are touched by every signed-in request before its handler runs. */
const FIRST_WRITE = /^(insert into|update|delete from) "(?!sessions")/;
/** What a problem must not show: the injected message, driver codes, source paths. */
const INTERNALS = /injected|SQLITE_|40001|40P01|53100|58030|\.ts:\d/;

/**
 * SECURITY.md rows 23 and 26, generated from the route inventory with the valid call of every
 * mutating route from `test-support/audit-fixtures.ts` (so a route added later is covered as soon as it
 * has its audit fixture, which that test already demands). With the error-injecting adapter the
 * same call meets, at its first write: a full disk (507 storage_full), an I/O error (503
 * storage_error), a database busy at every try (503 database_busy with Retry-After) — each time
 * nothing is written, neither a row in any table nor an audit row — and then a database busy once,
 * which is retried so that the call succeeds and writes its audit rows exactly once.
 */
describe.each(ENGINES)('every mutating route under database faults on %s', (engine) => {
  let t: TestApp;
  let api: FixtureApi;
  const { busy, full, io } = FAULTS_BY_ENGINE[engine];

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { faults: true });
    api = fixtureApi(t);
  });
  afterAll(() => t.close());

  const routes = () => t.app.routeInventory.filter((r) => r.url.startsWith('/api/')).flatMap((r) => r.methods.filter((m) => MUTATING.includes(m)).map((method) => ({ method, url: r.url, key: `${method} ${r.url}` })));

  /** Rows of every table a backup holds (sessions aside), and the last audit row: what "nothing written" is measured by. */
  async function footprint(): Promise<Record<string, number>> {
    const counts = BACKUP_TABLES.map(({ table }) => sql`(select count(*) from ${sql.table(table)}) as ${sql.ref(table)}`);
    const { rows } = await sql<Record<string, number>>`select ${sql.join(counts)}, (select max(seq) from audit_log) as last_audit_seq`.execute(t.db.kysely);
    return Object.fromEntries(Object.entries(rows[0]!).map(([name, n]) => [name, Number(n)]));
  }

  it('answers a full disk, an I/O error and a database that stays busy with problem+json and no write, then retries a busy database once into one success', async () => {
    const failures: string[] = [];
    let routesRun = 0;
    let faultCases = 0;
    let readsOnly = 0;
    routeLoop: for (const [index, route] of routes().entries()) {
      const fixture = AUDIT_FIXTURES[route.key];
      if (!fixture) continue; // audit-coverage.test.ts fails on it
      const call = await fixture.setup(api);
      const user = call.user ?? fixture.user;
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(call.params?.[name] ?? `missing-${name}`)) + (call.query ? `?${call.query}` : '');
      const payload = call.body === undefined ? undefined : Buffer.isBuffer(call.body) || typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
      // Signed in before anything is measured: a sign-in writes its own audit row.
      const cookie = await api.session(user);
      const send = async (rule: FaultRule): Promise<LightMyRequestResponse> => {
        t.faults!.arm(rule);
        try {
          return await t.app.inject({
            method: route.method as InjectOptions['method'],
            url,
            headers: { cookie, ...(payload !== undefined ? { 'content-type': call.contentType ?? 'application/json' } : {}) },
            ...(payload !== undefined ? { payload } : {}),
          });
        } finally {
          t.faults!.disarm();
        }
      };
      routesRun += 1;
      // PostgreSQL's two busy codes take turns between the routes.
      const [busyOnce, busyAlways] = [busy[index % busy.length]!, busy[(index + 1) % busy.length]!];
      const refusals: Array<[FaultRule, number, string]> = [
        [{ code: full[0]!, match: FIRST_WRITE }, 507, 'storage_full'],
        [{ code: io[0]!, match: FIRST_WRITE }, 503, 'storage_error'],
        [{ code: busyAlways, match: FIRST_WRITE, times: 'always' }, 503, 'database_busy'],
      ];
      for (const [rule, status, code] of refusals) {
        const before = await footprint();
        const injected = t.faults!.injected;
        const response = await send(rule);
        if (t.faults!.injected === injected) {
          // The call writes nothing (a read sent as POST): no fault to meet.
          if (response.statusCode >= 300) failures.push(`${route.key} (writes nothing): ${response.statusCode} ${response.body.slice(0, 200)}`);
          readsOnly += 1;
          continue routeLoop;
        }
        faultCases += 1;
        const problem = response.headers['content-type']?.toString().startsWith('application/problem+json') ? response.json<{ code?: string; message?: Record<string, string> }>() : {};
        const tries = t.faults!.injected - injected;
        if (response.statusCode !== status || problem.code !== code) failures.push(`${route.key} with ${rule.code}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        else if (!problem.message?.['zh-CN'] || !problem.message.en || INTERNALS.test(response.body)) failures.push(`${route.key} with ${rule.code}: ${response.body.slice(0, 200)}`);
        else if (code === 'database_busy' && (response.headers['retry-after'] !== '1' || tries < 2 || tries > DEFAULT_RETRY.attempts)) failures.push(`${route.key}: busy ${tries} times, Retry-After ${response.headers['retry-after']}`);
        else if (code !== 'database_busy' && tries !== 1) failures.push(`${route.key}: ${rule.code} retried (${tries} tries)`);
        const after = await footprint();
        const changed = Object.keys(before).filter((name) => before[name] !== after[name]);
        if (changed.length > 0) failures.push(`${route.key} with ${rule.code} wrote to ${changed.join(', ')}`);
      }
      const before = await footprint();
      const response = await send({ code: busyOnce, match: FIRST_WRITE });
      faultCases += 1;
      if (response.statusCode >= 300) {
        failures.push(`${route.key} after one ${busyOnce}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        continue;
      }
      const rows = await t.db.kysely.selectFrom('audit_log').select('action').where('seq', '>', before.last_audit_seq ?? 0).execute();
      const expected = fixture.action === null ? [] : [fixture.action, ...(fixture.alsoRecords ?? [])].sort();
      if (JSON.stringify(rows.map((r) => r.action).sort()) !== JSON.stringify(expected)) failures.push(`${route.key} after one ${busyOnce}: audit rows ${rows.map((r) => r.action).join(', ') || 'none'}, expected ${expected.join(', ') || 'none'}`);
    }
    console.log(`[fault coverage ${engine}] ${faultCases} fault cases over ${routesRun - readsOnly} mutating routes (full disk, I/O error, busy always, busy once at each route's first write); ${readsOnly} POST routes that write nothing`);
    expect(failures).toEqual([]);
    expect(routesRun).toBeGreaterThan(40);
  }, 600_000);
});
