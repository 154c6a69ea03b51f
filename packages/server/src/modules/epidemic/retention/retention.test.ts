import { randomUUID } from 'node:crypto';
import { maskName } from '@shoutu/domain';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFile } from '../../../db/database.js';
import { SCHEDULER_USERNAME } from '../../../ops/scheduler.js';
import { DecryptionError } from '../../../privacy/field-crypto.js';
import { tablesRetained } from '../../../privacy/personal-data-tags.js';
import { communitiesIn, fictitiousIds, fictitiousPhones } from '../../../test-support/fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { rebuildEpidemicCounters } from '../dashboard/counters.service.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { DESTROYED_TABLES, RetentionService } from './retention.service.js';

const DAY = 86_400_000;
const idNumber = fictitiousIds({ fromYear: 1963, sequence: 630 });
const phone = fictitiousPhones('135');
/** The test days of a close contact exposed on 8 July 2022 under the 9th edition. */
const TEST_DAYS = ['2022-07-09', '2022-07-10', '2022-07-11', '2022-07-13', '2022-07-15', '2022-07-18'];

interface Stored {
  id: string;
  idNumber: string;
  id_number_enc: string;
  id_number_hash: string;
  name_enc: string;
  phone_enc: string;
  key_enc: string;
}

/**
 * SECURITY.md row 19 (decision 0020): epidemic personal data is destroyed the retention period
 * after the person's release (everything, after the epidemic's end date), with a destruction
 * record and an audit row that name no one, the dashboard counters kept equal to a recount, and
 * the residue cleared: on SQLite the identifiers' bytes are gone from the database file and its
 * WAL; on PostgreSQL the person's data key is gone, so what old row versions hold cannot be opened.
 */
describe.each(ENGINES)('retention of epidemic personal data on %s', (engine) => {
  let t: TestApp;
  let service: RetentionService;
  let grid: string;
  let serial = 0;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    service = new RetentionService(t.db, t.app.services.audit);
    grid = (await communitiesIn(t.db.kysely, '320706', 40))[37]!;
  });
  afterAll(() => t.close());

  const call = async (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const send = async () => {
      cookies.set(user, cookies.get(user) ?? (await t.login(user)));
      return t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies.get(user)! }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    };
    let response = await send();
    if (response.statusCode === 401) {
      cookies.delete(user);
      response = await send();
    }
    return response;
  };
  const ok = async (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const response = await call(user, method, url, payload);
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  const run = () => service.run({ name: SCHEDULER_USERNAME, ctx: { actor: null, ip: null, now: () => t.clock.now() } }, t.config.epidemicRetention);

  async function register(category = 'close_contact'): Promise<{ id: string; version: number; idNumber: string }> {
    const n = (serial += 1);
    const person = await ok('haizhou', 'POST', '/persons', { name: '留存测试', idNumber: idNumber(n), phone: phone(n), gridCode: grid, category, lastExposureDate: '2022-07-08', address: '海州区留存测试小区 1 号楼' });
    return { id: person.id, version: person.version, idNumber: idNumber(n) };
  }

  async function released() {
    const person = await register();
    for (const date of TEST_DAYS) await ok('haizhou', 'POST', `/persons/${person.id}/followups`, { date, testTaken: true, testResult: 'negative' });
    await ok('haizhou', 'POST', `/persons/${person.id}/release`, { version: person.version });
    return person;
  }

  async function stored(person: { id: string; idNumber: string }): Promise<Stored> {
    const row = await t.db.kysely.selectFrom('persons').select(['id', 'id_number_enc', 'id_number_hash', 'name_enc', 'phone_enc']).where('id', '=', person.id).executeTakeFirstOrThrow();
    const key = await t.db.kysely.selectFrom('person_keys').select('key_enc').where('person_id', '=', person.id).executeTakeFirstOrThrow();
    return { ...row, idNumber: person.idNumber, key_enc: key.key_enc };
  }

  const exists = async (id: string) => (await t.db.kysely.selectFrom('persons').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  const searchById = async (id: string) => (await ok('haizhou', 'POST', '/persons/search', { q: id })).items as unknown[];

  it('destroys every table tagged with the epidemic retention, and only data so tagged', () => {
    const tagged = tablesRetained('epidemic');
    expect(tagged.length).toBeGreaterThan(5);
    expect(tagged.filter((table) => !(DESTROYED_TABLES as readonly string[]).includes(table)), 'epidemic tables the retention job would leave behind').toEqual([]);
    expect(DESTROYED_TABLES.filter((table) => !tagged.includes(table)), 'tables destroyed without an epidemic tag').toEqual([]);
  });

  it('keeps fields sealed under the master key before persons had keys readable', async () => {
    const crypto = t.app.services.crypto;
    const id = randomUUID();
    const at = t.clock.now().toISOString();
    const n = (serial += 1);
    // A person as registered before decision 0020: fields under the master key, no key row.
    await new PersonsRepository(t.db.kysely).insertNew([
      {
        id, region_code: grid, name_enc: crypto.encrypt('旧记录', 'persons.name'), id_number_enc: crypto.encrypt(idNumber(n), 'persons.id_number'), id_number_hash: crypto.blindIndex(idNumber(n), 'resident_id'),
        phone_enc: crypto.encrypt(phone(n), 'persons.phone'), phone_hash: crypto.blindIndex(phone(n), 'mobile'), address_enc: null, sex: 'male', birth_year: 1963, grid_worker_id: null, category: 'close_contact',
        onset_date: null, last_exposure_date: '2022-07-08', sample_date: null, report_date: null, arrival_date: null, status: 'managed', released_at: null, is_demo: 0, created_at: at, updated_at: at, version: 1,
      },
    ]);
    // Written past the services, as the demo seed writes: the dashboard is recounted after it.
    await rebuildEpidemicCounters(t.db.kysely, t.clock.now());
    expect(await t.db.kysely.selectFrom('person_keys').select('person_id').where('person_id', '=', id).executeTakeFirst()).toBeUndefined();
    const detail = await ok('haizhou', 'GET', `/persons/${id}`);
    expect(detail.name).toBe(maskName('旧记录'));
    const changed = await ok('haizhou', 'PATCH', `/persons/${id}`, { version: detail.version, phone: phone(n + 1000) });
    expect(changed.phone).toBe(`${phone(n + 1000).slice(0, 3)}****${phone(n + 1000).slice(7)}`);
    expect((await ok('haizhou', 'POST', `/persons/${id}/unmask`, { reason: '核对旧记录' })).idNumber).toBe(idNumber(n));
  });

  it('destroys a released person the period after the release, not a day sooner, with the record, the audit row and the residue', async () => {
    const gone = await released();
    const goneStored = await stored(gone);
    expect(goneStored.id_number_enc).toMatch(/^r1:/);
    const managed = await register();
    // Released too, but exposed a person still under management: the chain is kept whole.
    const linked = await released();
    await ok('haizhou', 'POST', `/persons/${linked.id}/contacts`, { name: '链上密接', idNumber: idNumber((serial += 1)), phone: phone(serial), gridCode: grid, setting: 'household', date: '2022-07-08' });
    const check = await call('checkpoint', 'POST', '/travel-checks', { idNumber: gone.idNumber, destination: '110000' });
    expect(check.statusCode, check.body).toBe(200);
    const checkpointId = (await ok('leader', 'GET', '/checkpoints')).items[0].id;
    const arrival = await ok('checkpoint', 'POST', `/checkpoints/${checkpointId}/arrivals`, { idNumber: idNumber((serial += 1)), gridCode: grid, originText: '南京市', originLevel: 'low', arrivalDate: '2022-08-09', transport: 'train', itinerary: [{ date: '2022-08-07', text: '南京新街口', regionCode: '320102' }] });
    expect(arrival.person).toBeNull();

    const linkedStored = await stored(linked);
    const days = t.config.epidemicRetention.days;
    t.clock.advance((days - 1) * DAY);
    const early = await run();
    expect(early.records).toBe(0);
    expect(await exists(gone.id)).toBe(true);
    expect(await t.db.kysely.selectFrom('destruction_records').selectAll().execute()).toEqual([]);

    const before = { dashboard: await ok('leader', 'GET', '/epidemic/dashboard'), audit: await t.db.kysely.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow() };
    t.clock.advance(2 * DAY);
    const result = await run();
    // Read at once: later requests write again (sessions, a recount).
    const file = engine === 'sqlite' ? sqliteFile(t.db.url) : '';
    const walSize = engine === 'sqlite' && fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
    const bytes = engine === 'sqlite' ? Buffer.concat([fs.readFileSync(file), walSize > 0 ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0)]) : Buffer.alloc(0);

    // The released person, their follow-ups, plans, history and key are gone; the others stay.
    expect(await exists(gone.id)).toBe(false);
    expect(await exists(managed.id)).toBe(true);
    expect(await exists(linked.id)).toBe(true);
    expect(result.destroyed.released_person).toMatchObject({ persons: expect.any(Number), person_keys: expect.any(Number), followups: expect.any(Number) });
    expect(result.destroyed.released_person!.followups).toBeGreaterThanOrEqual(TEST_DAYS.length);
    expect(result.destroyed.unlinked_arrival).toMatchObject({ arrivals: expect.any(Number), arrival_itinerary: expect.any(Number) });
    expect(result.destroyed.unlinked_arrival!.arrival_itinerary).toBeGreaterThan(0);
    expect(result.destroyed.travel_check).toMatchObject({ travel_checks: expect.any(Number) });
    for (const table of ['followups', 'person_measure_plans', 'person_category_history', 'person_keys'] as const) {
      expect(await t.db.kysely.selectFrom(table).select('person_id').where('person_id', '=', gone.id).execute(), table).toEqual([]);
    }
    expect(await t.db.kysely.selectFrom('travel_checks').select('id').where('id_number_hash', '=', goneStored.id_number_hash).execute()).toEqual([]);
    expect(await t.db.kysely.selectFrom('arrivals').select('id').where('id', '=', arrival.arrival.id).execute()).toEqual([]);
    expect(await t.db.kysely.selectFrom('arrival_itinerary').select('id').where('arrival_id', '=', arrival.arrival.id).execute()).toEqual([]);

    // Lists, search, the detail and the dashboard no longer show them.
    expect((await call('haizhou', 'GET', `/persons/${gone.id}`)).statusCode).toBe(404);
    expect(await searchById(gone.idNumber)).toEqual([]);
    const all = (await ok('leader', 'GET', '/persons?status=released&limit=200')).items as Array<{ id: string }>;
    expect(all.map((p) => p.id)).not.toContain(gone.id);
    expect(all.map((p) => p.id)).toContain(linked.id);
    const after = await ok('leader', 'GET', '/epidemic/dashboard');
    expect(after.totals.released).toBe(before.dashboard.totals.released - result.destroyed.released_person!.persons!);
    await rebuildEpidemicCounters(t.db.kysely, t.clock.now());
    expect(await ok('leader', 'GET', '/epidemic/dashboard'), 'the counters the destruction kept equal a full recount').toEqual(after);

    // The destruction is recorded and audited, naming no one.
    const records = await t.db.kysely.selectFrom('destruction_records').selectAll().execute();
    expect(records.map((r) => r.rule).sort()).toEqual(['released_person', 'travel_check', 'unlinked_arrival']);
    expect(records.every((r) => r.retention_days === days && r.actor === SCHEDULER_USERNAME && r.at === t.clock.now().toISOString())).toBe(true);
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('seq', '>', before.audit.seq).where('action', '=', 'retention.destroy').execute();
    expect(audit).toHaveLength(records.length);
    const written = JSON.stringify([records, audit]);
    for (const secret of [gone.id, gone.idNumber, goneStored.id_number_hash, goneStored.id_number_enc, goneStored.key_enc]) expect(written).not.toContain(secret);
    expect(await t.app.services.audit.verify(t.db.kysely)).toMatchObject({ ok: true });

    if (engine === 'sqlite') {
      // secure_delete overwrote the deleted rows; the checkpoint emptied the WAL.
      expect(result.residue?.sqliteCheckpoint).toMatchObject({ busy: 0 });
      expect(walSize).toBe(0);
      for (const [what, secret] of Object.entries({ idNumber: gone.idNumber, id_number_enc: goneStored.id_number_enc, id_number_hash: goneStored.id_number_hash, name_enc: goneStored.name_enc, phone_enc: goneStored.phone_enc, key_enc: goneStored.key_enc })) {
        expect(bytes.includes(Buffer.from(secret)), `${what} left in the database file or WAL`).toBe(false);
      }
      // The search works: the hash of the linked person, who is kept, is found.
      expect(bytes.includes(Buffer.from(linkedStored.id_number_hash))).toBe(true);
    } else {
      // The key is gone: the fields in any old row version cannot be opened, not even with the master key.
      expect(result.residue?.vacuumed).toEqual(expect.arrayContaining(['persons', 'person_keys']));
      expect(() => t.app.services.crypto.open(goneStored.id_number_enc, 'persons.id_number', null)).toThrow(DecryptionError);
      expect(() => t.app.services.crypto.open(goneStored.name_enc, 'persons.name', null)).toThrow(DecryptionError);
      // While the key row existed it opened them: it, and nothing else, made them readable.
      const key = t.app.services.crypto.openRecordKey(goneStored.key_enc, `person:${gone.id}`);
      expect(t.app.services.crypto.open(goneStored.id_number_enc, 'persons.id_number', key)).toBe(gone.idNumber);
    }
  });

  it('destroys everything, managed or not, the period after the epidemic’s end date', async () => {
    const managed = await register('confirmed');
    const now = t.clock.now();
    const endedOn = new Date(now.getTime() - 100 * DAY).toISOString().slice(0, 10);
    const notYet = await service.run({ name: 'cli', ctx: { actor: null, ip: null, now: () => now } }, { days: 200, epidemicEndDate: endedOn });
    expect(notYet.records).toBe(0);
    expect(await service.due(now, { days: 60, epidemicEndDate: endedOn })).toMatchObject({ epidemic_ended: expect.any(Number) });
    const result = await service.run({ name: 'cli', ctx: { actor: null, ip: null, now: () => now } }, { days: 60, epidemicEndDate: endedOn });
    expect(result.cutoff.epidemicOver).toBe(true);
    expect(await exists(managed.id)).toBe(false);
    for (const table of DESTROYED_TABLES) {
      expect(Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n), table).toBe(0);
    }
    expect((await ok('leader', 'GET', '/persons?limit=5')).items).toEqual([]);
    const dashboard = await ok('leader', 'GET', '/epidemic/dashboard');
    expect(dashboard.totals).toEqual({ managed: 0, released: 0 });
    const records = await t.db.kysely.selectFrom('destruction_records').select(['rule', 'cutoff']).where('rule', '=', 'epidemic_ended').execute();
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.cutoff === null)).toBe(true);
  });
});
