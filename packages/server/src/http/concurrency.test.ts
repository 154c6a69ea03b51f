import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../test-support/harness.js';

const N = 20;
const MAX_ATTEMPTS_PER_CLIENT = 200;

interface UnitBody {
  id: string;
  name: string;
  matters: string[];
  version: number;
}

/**
 * SECURITY.md rows 23 and 24 under real concurrency, through the API: no lost updates (optimistic
 * versions, 409 on a stale one, 428 on a missing one) and Idempotency-Key on POST when the same
 * request arrives twice at once or is retried after its response was lost.
 */
describe.each(ENGINES)('concurrent writes on %s', (engine) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const createUnit = async (name: string): Promise<UnitBody> => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin }, payload: { name, kind: 'department', regionCode: '320706', matters: ['初始事项'] } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<UnitBody>();
  };
  const getUnit = async (id: string): Promise<UnitBody> => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/units/${id}`, headers: { cookie: admin } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<UnitBody>();
  };
  const patchUnit = (id: string, payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: `/api/v1/units/${id}`, headers: { cookie: admin }, payload });
  const expectCode = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<{ code: string }>().code).toBe(code);
  };
  const countUnits = async (name: string) =>
    Number((await t.db.kysely.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('name', '=', name).executeTakeFirstOrThrow()).n);

  describe('no lost updates (row 23)', () => {
    it(`${N} parallel read-modify-write clients retrying on 409 each land exactly once`, async () => {
      const unit = await createUnit('并发事项局');
      expect(unit.version).toBe(1);
      let retries = 0;
      const client = async (i: number) => {
        const matter = `并发事项-${String(i).padStart(2, '0')}`;
        for (let attempt = 1; attempt <= MAX_ATTEMPTS_PER_CLIENT; attempt++) {
          const current = await getUnit(unit.id);
          const response = await patchUnit(unit.id, { version: current.version, matters: [...current.matters, matter] });
          if (response.statusCode === 200) return response.json<UnitBody>();
          expectCode(response, 409, 'version_conflict');
          retries += 1;
        }
        throw new Error(`client ${i} gave up after ${MAX_ATTEMPTS_PER_CLIENT} attempts`);
      };
      await Promise.all(Array.from({ length: N }, (_, i) => client(i)));
      console.log(`[concurrency ${engine}] N=${N} parallel updates, ${retries} retries after 409`);

      const final = await getUnit(unit.id);
      expect(final.version).toBe(1 + N);
      expect(final.matters).toHaveLength(1 + N);
      expect(final.matters[0]).toBe('初始事项');
      expect(new Set(final.matters.slice(1))).toEqual(new Set(Array.from({ length: N }, (_, i) => `并发事项-${String(i).padStart(2, '0')}`)));
      // Every refused attempt rolled back its audit row: one row per landed update.
      const audited = await t.db.kysely.selectFrom('audit_log').select('seq').where('action', '=', 'unit.update').where('object_id', '=', unit.id).execute();
      expect(audited).toHaveLength(N);
    });

    it('two clients updating from the same version: exactly one 200 and one 409 version_conflict', async () => {
      const unit = await createUnit('同版本双写局');
      const [a, b] = await Promise.all([
        patchUnit(unit.id, { version: unit.version, matters: ['甲的事项'] }),
        patchUnit(unit.id, { version: unit.version, matters: ['乙的事项'] }),
      ]);
      const statuses = [a!.statusCode, b!.statusCode].sort();
      expect(statuses).toEqual([200, 409]);
      const [winner, loser] = a!.statusCode === 200 ? [a!, b!] : [b!, a!];
      expectCode(loser, 409, 'version_conflict');
      const final = await getUnit(unit.id);
      expect(final.version).toBe(unit.version + 1);
      expect(final.matters).toEqual(winner.json<UnitBody>().matters);
    });

    it('an update without the version it read is refused with 428 and changes nothing', async () => {
      const unit = await createUnit('无版本更新局');
      expectCode(await patchUnit(unit.id, { name: '无版本更新局·改' }), 428, 'version_required');
      const final = await getUnit(unit.id);
      expect(final).toMatchObject({ name: '无版本更新局', version: 1 });
    });
  });

  describe('Idempotency-Key on POST (row 24)', () => {
    const post = (body: Record<string, unknown>, key: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: admin, 'idempotency-key': key }, payload: body });

    for (const parallel of [2, 5]) {
      it(`the same key and body sent ${parallel} times at once create one unit; every answer is that 201 or 409 idempotency_in_progress`, async () => {
        const name = `并发幂等局-${parallel}`;
        const body = { name, kind: 'department', regionCode: '320706' };
        const key = `concurrent-${parallel}-key`;
        const responses = await Promise.all(Array.from({ length: parallel }, () => post(body, key)));
        const created = responses.filter((r) => r.statusCode === 201);
        const inProgress = responses.filter((r) => r.statusCode === 409);
        expect(created.length + inProgress.length, responses.map((r) => `${r.statusCode} ${r.body}`).join('\n')).toBe(parallel);
        expect(created.length).toBeGreaterThanOrEqual(1);
        for (const r of inProgress) expectCode(r, 409, 'idempotency_in_progress');
        const first = created[0]!.json<UnitBody>();
        for (const r of created) expect(r.json()).toEqual(first);
        // Exactly one answer comes from the handler; any other 201 is a replay of it.
        expect(created.filter((r) => r.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
        for (const r of created.filter((r) => r.headers['idempotent-replayed'] !== undefined)) expect(r.headers['idempotent-replayed']).toBe('true');
        expect(await countUnits(name)).toBe(1);
        console.log(`[idempotency ${engine}] ${parallel} at once: ${created.length} × 201 (${created.length - 1} replayed), ${inProgress.length} × 409`);

        // Once the first has finished, a retry replays it.
        const retry = await post(body, key);
        expect(retry.statusCode).toBe(201);
        expect(retry.headers['idempotent-replayed']).toBe('true');
        expect(retry.json()).toEqual(first);
        expect(await countUnits(name)).toBe(1);
      });
    }

    it('committed, response lost, retried: the retry replays the 201 and no second row is written', async () => {
      const name = '响应丢失重试局';
      const body = { name, kind: 'zone', regionCode: '320706', matters: ['港区'] };
      const key = 'lost-response-0001';
      const lost = await post(body, key); // the server committed; the client never saw this answer
      expect(lost.statusCode).toBe(201);
      expect(await countUnits(name)).toBe(1);

      const retry = await post(body, key);
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.json()).toEqual(lost.json());
      expect(await countUnits(name)).toBe(1);
      // The replayed unit is the stored one.
      expect(await getUnit(retry.json<UnitBody>().id)).toMatchObject({ name, version: 1 });
    });
  });
});
