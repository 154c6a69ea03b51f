import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from './database.js';
import type { Database } from './schema.js';
import { FAULTS_BY_ENGINE, type FaultCode, type FaultRule } from '../test-support/faults.js';
import { communitiesIn, fictitiousIds } from '../test-support/fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../test-support/harness.js';

const idNumber = fictitiousIds({ fromYear: 1990, sequence: 200, perSeries: 10_000 });
const phone = (n: number) => `137${String(n).padStart(8, '0')}`;
const IMPORT_ROWS = 600; // two insert batches of persons (INSERT_BATCH = 500)

interface Request {
  method: 'POST';
  url: string;
  payload: string | Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A write, with the statement its fault hits. */
interface WriteRoute {
  label: string;
  user: string;
  table: keyof Database;
  /** Rows one successful request adds to `table`. */
  adds: number;
  faultAt: RegExp;
  /** Which matching statement fails (the import's second batch: the first is already written by then). */
  nth?: number;
  request(n: number): Promise<Request>;
}

/**
 * SECURITY.md rows 21, 23 and 26 in detail, with the error-injecting adapter (test-support/faults.ts)
 * under the app's database (http/fault-coverage.test.ts runs the same faults over every mutating
 * route): every busy code of each engine once (retried, the write lands once) and always (503
 * database_busy with Retry-After, nothing written, not even the audit row); a full disk (507
 * storage_full) or an I/O error (503 storage_error), not retried, nothing written, the next request
 * succeeds; the same in the middle of a bulk import, after its first batch of rows was written; and
 * at the transaction's begin and commit.
 */
describe.each(ENGINES)('database faults on %s', (engine: Dialect) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let grids: string[];
  let serial = 0;
  let cases = 0;

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { faults: true });
    for (const user of ['admin', 'haizhou']) cookies[user] = await t.login(user);
    grids = await communitiesIn(t.db.kysely, '320706', 3);
  });
  afterAll(async () => {
    console.log(`[faults ${engine}] ${cases} fault cases run over ${ROUTES.length} write routes`);
    await t.close();
  });

  const send = (user: string, request: Request) =>
    t.app.inject({ method: request.method, url: request.url, headers: { cookie: cookies[user]!, ...request.headers }, payload: request.payload });
  const count = async (table: keyof Database) => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const snapshot = async (table: keyof Database) => ({ rows: await count(table), audit: await count('audit_log') });

  const ROUTES: WriteRoute[] = [
    {
      label: 'POST /units (foundation)',
      user: 'admin',
      table: 'units',
      adds: 1,
      faultAt: /^insert into "units"/,
      request: async (n) => ({ method: 'POST', url: '/api/v1/units', payload: { name: `故障测试局${n}`, kind: 'department', regionCode: '320706' } }),
    },
    {
      label: `POST /persons/import, ${IMPORT_ROWS} rows (epidemic)`,
      user: 'haizhou',
      table: 'persons',
      adds: IMPORT_ROWS,
      faultAt: /^insert into "persons"/,
      nth: 2,
      request: async (n) => {
        const lines = Array.from({ length: IMPORT_ROWS }, (_, i) => `故障导入${i},${idNumber(n * 1_000 + i + 1_000_000)},${phone(n * 1_000 + i + 1_000_000)},${grids[i % grids.length]},close_contact,2022-08-01`);
        return { method: 'POST', url: '/api/v1/persons/import', headers: { 'content-type': 'text/csv' }, payload: ['name,idNumber,phone,gridCode,category,lastExposureDate', ...lines].join('\n') };
      },
    },
  ];

  /** Sends the route's request with the fault armed just before it; the fixtures it needs are made first. */
  async function sendWithFault(route: WriteRoute, rule: Omit<FaultRule, 'match' | 'nth'>) {
    const request = await route.request((serial += 1));
    const before = await snapshot(route.table);
    t.faults!.arm({ ...rule, match: route.faultAt, nth: route.nth ?? 1 });
    const injectedBefore = t.faults!.injected;
    let response: LightMyRequestResponse;
    try {
      response = await send(route.user, request);
    } finally {
      t.faults!.disarm();
    }
    cases += 1;
    return { response, before, after: await snapshot(route.table), injected: t.faults!.injected - injectedBefore };
  }

  function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json<{ code: string; message: Record<string, string> }>();
    expect(body.code).toBe(code);
    expect(body.message['zh-CN']).toBeTruthy();
    expect(body.message.en).toBeTruthy();
    expect(response.body).not.toMatch(/injected|at .*\.ts|SQLITE_|40001|40P01|53100|58030/);
  }

  const { busy, full, io } = FAULTS_BY_ENGINE[engine];

  describe('at the edges of the transaction (POST /units)', () => {
    const route = () => ROUTES[0]!;
    it.each(busy.map((code) => [code]))('busy at begin or at commit once (%s): retried, one row', async (code: FaultCode) => {
      for (const at of [/^begin/, /^commit/]) {
        const { response, before, after, injected } = await sendWithFault({ ...route(), faultAt: at }, { code });
        expect(response.statusCode, `${at} ${response.body}`).toBe(201);
        expect(injected).toBe(1);
        expect(after).toEqual({ rows: before.rows + 1, audit: before.audit + 1 });
      }
    });
    it.each(io.map((code) => [code]))('an I/O error at commit (%s): 503 storage_error, nothing written', async (code: FaultCode) => {
      const { response, before, after } = await sendWithFault({ ...route(), faultAt: /^commit/ }, { code });
      expectProblem(response, 503, 'storage_error');
      expect(after).toEqual(before);
    });
  });

  describe.each(ROUTES.map((route) => [route.label, route] as const))('%s', (_label, route) => {
    it.each(busy.map((code) => [code]))('busy once (%s): retried, and the write lands once with one audit row', async (code: FaultCode) => {
      const { response, before, after, injected } = await sendWithFault(route, { code });
      expect(response.statusCode, response.body).toBeLessThan(300);
      expect(injected).toBe(1);
      expect(after.rows - before.rows).toBe(route.adds);
      expect(after.audit - before.audit).toBe(1);
    });

    it.each(busy.map((code) => [code]))('busy every time (%s): 503 database_busy with Retry-After after a bounded number of tries, nothing written', async (code: FaultCode) => {
      const { response, before, after, injected } = await sendWithFault(route, { code, times: 'always' });
      expectProblem(response, 503, 'database_busy');
      expect(response.headers['retry-after']).toBe('1');
      expect(injected).toBeGreaterThan(1);
      expect(injected).toBeLessThanOrEqual(4);
      expect(after).toEqual(before);
    });

    it.each([...full.map((code) => [code, 507, 'storage_full'] as const), ...io.map((code) => [code, 503, 'storage_error'] as const)])(
      '%s: %i %s without a retry, nothing written, and the next request succeeds',
      async (code: FaultCode, status: number, problem: string) => {
        const { response, before, after, injected } = await sendWithFault(route, { code });
        expectProblem(response, status, problem);
        expect(injected).toBe(1);
        expect(after).toEqual(before);

        const request = await route.request((serial += 1));
        const ready = await snapshot(route.table);
        const next = await send(route.user, request);
        expect(next.statusCode, next.body).toBeLessThan(300);
        const later = await snapshot(route.table);
        expect(later.rows - ready.rows).toBe(route.adds);
        expect(later.audit - ready.audit).toBe(1);
      },
    );
  });
});
