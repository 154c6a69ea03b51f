import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS_BY_ENGINE } from '../test-support/faults.js';
import { createTestApp, ENGINES, type TestApp } from '../test-support/harness.js';
import { purgeExpiredIdempotencyKeys } from './idempotency.js';

const HOUR = 3_600_000;

/**
 * SECURITY.md row 24: the answer to a POST with an Idempotency-Key is stored in the same database
 * transaction as the request's own writes, so no failure — while storing the answer, at the
 * commit, or a busy database — leaves a write without its answer or a key without its write; and
 * stored answers expire (24 h by default) and are purged by a scheduled job.
 */
describe.each(ENGINES)('Idempotency-Key in the request transaction on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  const { busy, full, io } = FAULTS_BY_ENGINE[engine];

  beforeAll(async () => {
    t = await createTestApp(engine, {}, { faults: true });
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const post = (name: string, key: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin, 'idempotency-key': key }, payload: { name, kind: 'department', regionCode: '320706' } });
  const count = async (table: 'units' | 'idempotency_keys' | 'audit_log', where?: [string, string]) => {
    let query = t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (where) query = query.where(where[0] as never, '=', where[1] as never);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  /** Moves the clock on, signing in again: a session ends after 12 hours (SECURITY.md row 3). */
  const later = async (ms: number) => {
    t.clock.advance(ms);
    admin = await t.login('admin');
  };
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<{ code: string }>().code).toBe(code);
  };

  /** The first attempt fails at `at`; nothing of it remains; the retry under the same key runs afresh and is then replayed. */
  async function failThenRetry(name: string, key: string, rule: Parameters<NonNullable<TestApp['faults']>['arm']>[0], status: number, code: string) {
    const audit = await count('audit_log');
    t.faults!.arm(rule);
    const failed = await post(name, key).finally(() => t.faults!.disarm());
    expectProblem(failed, status, code);
    expect(await count('units', ['name', name])).toBe(0);
    expect(await count('idempotency_keys', ['idempotency_key', key])).toBe(0);
    expect(await count('audit_log')).toBe(audit);

    const retry = await post(name, key);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    const replay = await post(name, key);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(retry.json());
    expect(await count('units', ['name', name])).toBe(1);
    return failed;
  }

  it.each(io.map((code) => [code]))('a failure while storing the answer (%s) undoes the write too; the retry creates it once', async (code) => {
    await failThenRetry(`存答失败局-${code}`, `store-fails-${code}`, { code, match: /^update "idempotency_keys"/ }, 503, 'storage_error');
  });

  it.each(full.map((code) => [code]))('a full disk at the commit (%s) keeps neither the write nor the key', async (code) => {
    await failThenRetry(`提交失败局-${code}`, `commit-fails-${code}`, { code, match: /^commit/ }, 507, 'storage_full');
  });

  it.each(busy.map((code) => [code]))('a busy database inside a keyed request (%s) answers 503 with Retry-After and frees the key', async (code) => {
    // The claim of the key is already in the request's transaction, so the write is not retried inside it: the client retries.
    const failed = await failThenRetry(`繁忙幂等局-${code}`, `busy-${code}-key`, { code, match: /^insert into "units"/ }, 503, 'database_busy');
    expect(failed.headers['retry-after']).toBe('1');
  });

  it('replays a stored answer within the retention (24 h), and treats the key as new after it', async () => {
    const first = await post('保留期内局', 'retention-0001');
    expect(first.statusCode).toBe(201);
    await later(23 * HOUR);
    const replay = await post('保留期内局', 'retention-0001');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    expectProblem(await post('保留期内另一请求', 'retention-0001'), 422, 'idempotency_key_reused');

    await later(2 * HOUR);
    const anew = await post('保留期后新请求局', 'retention-0001');
    expect(anew.statusCode, anew.body).toBe(201);
    expect(anew.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('idempotency_keys', ['idempotency_key', 'retention-0001'])).toBe(1);
  });

  it('purges the answers older than the retention with its scheduled job, and keeps the fresh ones', async () => {
    expect((await post('待清理局一', 'purge-old-0001')).statusCode).toBe(201);
    expect((await post('待清理局二', 'purge-old-0002')).statusCode).toBe(201);
    await later(20 * HOUR);
    expect((await post('保留局', 'purge-fresh-0001')).statusCode).toBe(201);
    await later(5 * HOUR);

    const run = await t.app.scheduler.run('idempotency.purge-expired');
    expect(run.result).toBe('success');
    expect(run.summary!.purged).toBeGreaterThanOrEqual(2);
    expect(await count('idempotency_keys', ['idempotency_key', 'purge-old-0001'])).toBe(0);
    expect(await count('idempotency_keys', ['idempotency_key', 'purge-old-0002'])).toBe(0);
    expect(await count('idempotency_keys', ['idempotency_key', 'purge-fresh-0001'])).toBe(1);

    // A shorter retention (SHOUTU_IDEMPOTENCY_RETENTION_HOURS) reaches the fresh one too.
    expect(await purgeExpiredIdempotencyKeys(t.db.kysely, t.clock.now(), 1)).toBeGreaterThanOrEqual(1);
    expect(await count('idempotency_keys')).toBe(0);
  });
});
