import { randomUUID } from 'node:crypto';
import { permissionsOf } from '@shoutu/domain';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.js';
import { createTestApp, ENGINES, type TestApp } from '../test-support/harness.js';
import { hostileBody, hostileParam, hostileQuery, HOSTILE_STRINGS, type JsonSchema } from '../test-support/schema-arbitraries.js';
import type { RouteEntry } from './fastify-types.js';
import { isStorableText } from './text-guard.js';

/**
 * SECURITY.md row 26, generated from the route inventory: every route that takes a body, path
 * parameters or a query string gets malformed, oversized, wrong-typed, injection, control-character
 * and invalid-UTF-8 input from fast-check, sent by a user who holds the route's permission. The
 * answer is never 5xx; a refusal is problem+json with a code and a message in Chinese and English
 * and leaves every table as it was; a body the route's own schema refuses is always refused; and
 * the server still answers /healthz. A new route is fuzzed without anyone adding it here.
 */
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const bodyAjv = addFormats(new Ajv({ strict: false, allErrors: false, removeAdditional: false, useDefaults: true, coerceTypes: false }));

/** Cases per route and input part; with the fixed edge cases, about a minute for both engines. */
const RUNS = { body: 20, query: 6, params: 6 };
const SEED = process.env.SHOUTU_FUZZ_SEED ? Number(process.env.SHOUTU_FUZZ_SEED) : undefined;

/** A refused login is itself audited (row 10): the one refusal that writes, and only there. */
const REFUSALS_THAT_WRITE: Record<string, string[]> = { 'POST /api/v1/auth/login': ['audit_log'] };

/** Demo accounts in the order they are tried for a permission: broad grounds first. */
const PREFERRED = ['leader', 'haizhou', 'yingji', 'admin', 'secadmin', 'auditor', 'grid', 'checkpoint', 'qiye'];

function userFor(permission: string): string | null {
  if (permission === 'public') return null;
  if (permission === 'authenticated') return 'leader';
  const found = PREFERRED.find((username) => permissionsOf(DEMO_ACCOUNTS.find((a) => a.username === username)!.roles).includes(permission as never));
  if (!found) throw new Error(`no demo account holds ${permission}`);
  return found;
}

/** NUL cannot be stored and a lone surrogate cannot be encoded: text carrying either must be refused. */
function hasBadText(value: unknown): boolean {
  if (typeof value === 'string') return !isStorableText(value);
  if (Array.isArray(value)) return value.some(hasBadText);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => hasBadText(k) || hasBadText(v));
  return false;
}

interface Case {
  method: string;
  url: string;
  payload?: string | Buffer;
  contentType?: string;
  /** The route's own schema refuses this input: the answer must be 4xx. */
  mustRefuse: boolean;
  label: string;
}

describe.each(ENGINES)('fuzzing every route’s input on %s', (engine) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  let countTables: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const username of PREFERRED) cookies.set(username, await t.login(username));
    const tables =
      engine === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.db.kysely)).rows.map((r) => r.name)
        : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(t.db.kysely)).rows.map((r) => r.name);
    // One round trip for every table's row count; the names come from the catalogue.
    const query = sql.raw(`select ${tables.map((name) => `(select count(*) from "${name}") as "${name}"`).join(', ')}`);
    countTables = async () => {
      const row = (await query.execute(t.db.kysely)).rows[0] as Record<string, unknown>;
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
    };
  });
  afterAll(() => t.close());

  const fuzzed = () =>
    t.app.routeInventory.filter((r) => r.url.startsWith('/api/v1/') && r.schema && (r.schema.body || r.schema.params || r.schema.querystring));

  const concrete = (url: string, param: () => string) => url.replace(/:(\w+)/g, () => param());

  async function send(route: RouteEntry, c: Case): Promise<LightMyRequestResponse> {
    const username = userFor(route.permission);
    const headers: Record<string, string> = {};
    if (username) headers.cookie = cookies.get(username)!;
    if (c.contentType) headers['content-type'] = c.contentType;
    return t.app.inject({ method: c.method as InjectOptions['method'], url: c.url, headers, ...(c.payload !== undefined ? { payload: c.payload } : {}) });
  }

  /** Sends one case; returns what is wrong with the answer (nothing, normally) and the counts after it. */
  async function check(route: RouteEntry, c: Case, before: Record<string, number>): Promise<{ problems: string[]; after: Record<string, number>; status: number }> {
    const response = await send(route, c);
    const name = `${c.method} ${route.url}`;
    const where = `${name} ← ${c.label}: ${response.statusCode} ${response.body.slice(0, 200)}`;
    const problems: string[] = [];
    const after = await countTables();
    if (response.statusCode >= 500) problems.push(`5xx: ${where}`);
    if (c.mustRefuse && response.statusCode < 400) problems.push(`accepted what its schema refuses: ${where}`);
    if (response.statusCode >= 400) {
      const problem = /^application\/problem\+json/.test(String(response.headers['content-type'])) ? (response.json() as { code?: unknown; message?: Record<string, unknown> }) : null;
      if (!problem) problems.push(`not problem+json: ${where}`);
      else if (typeof problem.code !== 'string' || !/\p{Script=Han}/u.test(String(problem.message?.['zh-CN'])) || !/[A-Za-z]/.test(String(problem.message?.en))) problems.push(`problem without code or messages: ${where}`);
      if (/node_modules|\bat .*:\d+:\d+|SQLITE_|syntax error/.test(response.body)) problems.push(`internals in the answer: ${where}`);
      const allowed = new Set(REFUSALS_THAT_WRITE[name] ?? []);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table] && !allowed.has(table));
      if (changed.length > 0) problems.push(`refused but wrote ${changed.join(', ')}: ${where}`);
    }
    return { problems, after, status: response.statusCode };
  }

  function bodyCases(route: RouteEntry, method: string): fc.Arbitrary<Case> | null {
    const schema = route.schema?.body as JsonSchema | undefined;
    if (!schema) return null;
    const url = concrete(route.url, randomUUID);
    if (schema.type === 'string') {
      // A text upload (CSV): hostile cells, control characters and a formula in a cell.
      return fc.array(fc.constantFrom(...HOSTILE_STRINGS), { minLength: 1, maxLength: 8 }).map((cells) => ({
        method, url, payload: `name,idNumber,phone,gridCode,category\n${cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')}\n`, contentType: 'text/csv', mustRefuse: hasBadText(cells), label: `csv ${JSON.stringify(cells).slice(0, 120)}`,
      }));
    }
    const validate: ValidateFunction = bodyAjv.compile(schema);
    return hostileBody(schema).map(({ value, mutation }) => {
      const payload = JSON.stringify(value) ?? 'null';
      const mustRefuse = !validate(JSON.parse(payload)) || hasBadText(value);
      return { method, url, payload, contentType: 'application/json', mustRefuse, label: `${mutation}: ${payload.slice(0, 160)}` };
    });
  }

  /** Fixed edge cases for a JSON body: broken JSON, invalid UTF-8, a prototype key, deep nesting, too large, a foreign type. */
  function edgeCases(route: RouteEntry, method: string): Case[] {
    const schema = route.schema?.body as JsonSchema | undefined;
    if (!schema) return [];
    const url = concrete(route.url, randomUUID);
    const limit = t.config.bodyLimitBytes;
    const text = schema.type === 'string';
    const contentType = text ? 'text/csv' : 'application/json';
    const cases: Case[] = [
      { method, url, contentType, payload: Buffer.concat([Buffer.from(text ? 'name,idNumber\n"坏' : '{"name":"坏'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(text ? '",1\n' : '"}')]), mustRefuse: true, label: 'invalid UTF-8' },
      { method, url, contentType: 'application/xml', payload: '<a/>', mustRefuse: true, label: 'foreign content type' },
    ];
    if (!text) {
      cases.push(
        { method, url, contentType, payload: '{"a": [1, 2', mustRefuse: true, label: 'malformed JSON' },
        { method, url, contentType, payload: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}', mustRefuse: true, label: '__proto__ key' },
        { method, url, contentType, payload: `${'['.repeat(3000)}${']'.repeat(3000)}`, mustRefuse: true, label: 'nesting 3000 deep' },
        { method, url, contentType, payload: JSON.stringify({ x: 'x'.repeat(limit) }), mustRefuse: true, label: 'over the body limit' },
      );
    }
    return cases;
  }

  it('answers hostile input on every route with a clean 4xx, writes nothing and stays up', async () => {
    let routes = 0;
    let cases = 0;
    const problems: string[] = [];
    const statuses = new Map<string, number>();
    const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number) => fc.sample(arbitrary, SEED === undefined ? { numRuns } : { numRuns, seed: SEED });
    for (const route of fuzzed()) {
      routes += 1;
      for (const method of route.methods.filter((m) => m !== 'HEAD')) {
        const all: Case[] = [...edgeCases(route, method)];
        const bodies = bodyCases(route, method);
        if (bodies) all.push(...sample(bodies, RUNS.body));
        // Query strings and path parameters go with an empty object where the route also takes a body.
        const emptyBody = route.schema?.body && (route.schema.body as JsonSchema).type !== 'string' ? { payload: '{}', contentType: 'application/json' } : {};
        if (route.schema?.querystring) {
          const url = concrete(route.url, randomUUID);
          for (const query of sample(hostileQuery(route.schema.querystring as JsonSchema), RUNS.query)) all.push({ method, url: `${url}?${query}`, mustRefuse: false, label: `query ${query.slice(0, 160)}`, ...emptyBody });
        }
        if (route.schema?.params) {
          for (const param of sample(hostileParam, RUNS.params)) all.push({ method, url: concrete(route.url, () => param), mustRefuse: false, label: `param ${param.slice(0, 160)}`, ...emptyBody });
        }
        let counts = await countTables();
        for (const c of all) {
          cases += 1;
          const result = await check(route, c, counts);
          problems.push(...result.problems);
          const kind = result.status < 300 ? 'accepted' : String(result.status);
          statuses.set(kind, (statuses.get(kind) ?? 0) + 1);
          counts = result.after;
        }
      }
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      if (health.statusCode !== 200) problems.push(`/healthz answered ${health.statusCode} after ${route.url}`);
    }
    const answers = [...statuses].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${kind}`).join(', ');
    console.log(`fuzz (${engine}): ${routes} routes, ${cases} cases (${answers})`);
    expect(problems).toEqual([]);
    expect(routes).toBeGreaterThan(40);
  }, 300_000);
});
