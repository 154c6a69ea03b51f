import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { allPages } from '../../../test-support/paging.js';
import { fictitiousIds, fictitiousPhones } from '../../../test-support/fixtures.js';

const idNumber = fictitiousIds({ fromYear: 1975, sequence: 400, area: '310115' });
const phone = fictitiousPhones('134');

describe.each(ENGINES)('checkpoints and arrivals on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let leader: string;
  let grid: string;
  let station: string;
  let serial = 100;
  const next = () => (serial += 1);

  beforeAll(async () => {
    t = await createTestApp(engine);
    t.clock.advance(Date.parse('2022-08-10T02:00:00Z') - t.clock.now().getTime());
    [haizhou, lianyun, leader] = await Promise.all([t.login('haizhou'), t.login('lianyun'), t.login('leader')]);
    grid = (await t.db.kysely.selectFrom('regions').select('code').where('level', '=', 'community').where('code', '>=', '320706').where('code', '<', '320706~').orderBy('code').executeTakeFirstOrThrow()).code;
    const created = await call(leader, 'POST', '/checkpoints', { name: '测试火车站', kind: 'station', regionCode: '320706' });
    expect(created.statusCode).toBe(201);
    station = created.json().id;
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  const arrival = (n: number, overrides: Record<string, unknown> = {}) => ({
    idNumber: idNumber(n),
    name: '到站测试',
    phone: phone(n),
    gridCode: grid,
    originText: '上海市浦东新区',
    originRegionCode: '310115',
    arrivalDate: '2022-08-09',
    transport: 'train',
    tripNo: 'G1234',
    ...overrides,
  });

  it('lists the checkpoints of the ground; adding one needs the policy permission', async () => {
    expect((await call(haizhou, 'GET', '/checkpoints')).json().items.map((c: { id: string }) => c.id)).toContain(station);
    expect((await call(lianyun, 'GET', '/checkpoints')).json().items.map((c: { id: string }) => c.id)).not.toContain(station);
    expect((await call(haizhou, 'POST', '/checkpoints', { name: '测试出口', kind: 'highway_exit', regionCode: '320706' })).statusCode).toBe(403);
  });

  it('registers an arrival from a key area as a person under management and alerts the grid', async () => {
    const body = arrival(next(), { originLevel: 'medium' });
    const response = await call(haizhou, 'POST', `/checkpoints/${station}/arrivals`, body);
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ keyArea: true, listed: false, personCreated: true, arrival: { originLevel: 'medium', arrivalDate: '2022-08-09', transport: 'train', tripNo: 'G1234', originText: '上海市浦东新区' } });
    expect(result.person).toMatchObject({ category: 'arrival_key_area', arrivalDate: '2022-08-09', gridCode: grid });
    expect(result.person.measurePlan).toMatchObject({ startField: 'arrivalDate', from: '2022-08-09' });
    expect(response.body).not.toContain(body.idNumber);
    const alert = (await call(haizhou, 'GET', `/alerts?gridCode=${grid}`)).json().items.find((a: { id: string }) => a.id === result.alertId);
    expect(alert).toMatchObject({ kind: 'key_area_arrival', status: 'open', person: { id: result.person.id }, detail: { checkpoint: '测试火车站', originLevel: 'medium' } });
    const raw = JSON.stringify([await t.db.kysely.selectFrom('arrivals').selectAll().execute(), await t.db.kysely.selectFrom('alerts').selectAll().execute()]);
    for (const secret of [body.idNumber, 'G1234', '上海市浦东新区']) expect(raw).not.toContain(secret);

    // The same traveller may not go on to Beijing: recently in a county with a medium-risk area.
    const check = (await call(haizhou, 'POST', '/travel/check', { idNumber: body.idNumber, destination: '110000', checkpointId: station })).json();
    expect(check.decision).toBe('deny');
    expect(check.reasons.map((r: { code: string }) => r.code)).toEqual(['area_level_denied', 'category_alert']);
  });

  it('keeps only the keyed hash of an unlisted arrival from a low-risk area, and raises no alert', async () => {
    const body = arrival(next(), { name: undefined, phone: undefined, originLevel: 'low' });
    const before = Number((await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const response = await call(haizhou, 'POST', `/checkpoints/${station}/arrivals`, body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ keyArea: false, listed: false, person: null, alertId: null });
    expect(Number((await t.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
    expect((await call(haizhou, 'POST', '/travel/check', { idNumber: body.idNumber, destination: '110000' })).json().decision).toBe('allow');
  });

  it('alerts the grid when a listed person arrives, and names a key area graded here', async () => {
    const contactId = idNumber(next(), '320706');
    const person = (await call(haizhou, 'POST', '/persons', { name: '已列管', idNumber: contactId, phone: phone(serial), gridCode: grid, category: 'close_contact', lastExposureDate: '2022-08-05' })).json();
    const listed = (await call(haizhou, 'POST', `/checkpoints/${station}/arrivals`, arrival(next(), { idNumber: contactId, name: undefined, phone: undefined, originLevel: 'low' }))).json();
    expect(listed).toMatchObject({ keyArea: false, listed: true, person: { id: person.id, category: 'close_contact' } });
    expect((await call(haizhou, 'GET', '/alerts')).json().items.find((a: { id: string }) => a.id === listed.alertId)).toMatchObject({ kind: 'listed_arrival', person: { id: person.id } });

    // A town of 连云区 graded high: an arrival from the county is from a key area without being told.
    const town = (await t.db.kysely.selectFrom('regions').select('code').where('level', '=', 'town').where('code', '>=', '320703').where('code', '<', '320703~').orderBy('code').executeTakeFirstOrThrow()).code;
    expect((await call(leader, 'POST', '/areas/risk', { regionCode: town, level: 'high', effectiveFrom: '2022-08-08', reason: '新增本土感染者' })).statusCode).toBe(201);
    const graded = await call(haizhou, 'POST', `/checkpoints/${station}/arrivals`, arrival(next(), { originRegionCode: '320703', originText: '连云区' }));
    expect(graded.json()).toMatchObject({ keyArea: true, arrival: { originLevel: 'high' } });
  });

  it('needs name and phone to register a key-area arrival, and a grid in the ground', async () => {
    const missing = await call(haizhou, 'POST', `/checkpoints/${station}/arrivals`, arrival(next(), { name: undefined, originLevel: 'high' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'name', code: 'required' })]);
    const lianyunGrid = (await t.db.kysely.selectFrom('regions').select('code').where('level', '=', 'community').where('code', '>=', '320703').orderBy('code').executeTakeFirstOrThrow()).code;
    const outside = await call(haizhou, 'POST', `/checkpoints/${station}/arrivals`, arrival(next(), { gridCode: lianyunGrid }));
    expect(outside.json().errors).toEqual([expect.objectContaining({ field: 'gridCode', code: 'outside_ground' })]);
  });

  it("hides another ground's checkpoint and arrivals", async () => {
    expect((await call(lianyun, 'GET', `/checkpoints/${station}/arrivals`)).statusCode).toBe(404);
    expect((await call(lianyun, 'POST', `/checkpoints/${station}/arrivals`, arrival(next()))).statusCode).toBe(404);
    const ours = (await call(haizhou, 'GET', `/checkpoints/${station}/arrivals`)).json();
    expect(ours.items.length).toBeGreaterThanOrEqual(4);
    expect(ours.items[0].originText).toBeTruthy();
  });

  it("pages a checkpoint's arrivals newest first, arrivals registered at one instant by id", async () => {
    // The suite's clock stands still: these arrivals share their instant with one another.
    for (let i = 0; i < 3; i += 1) expect((await call(haizhou, 'POST', `/checkpoints/${station}/arrivals`, arrival(next(), { name: undefined, phone: undefined, originLevel: 'low' }))).statusCode).toBe(201);
    const pages = (limit: number) => allPages<{ id: string; createdAt: string }>((path) => call(haizhou, 'GET', path), `/checkpoints/${station}/arrivals`, limit);
    const all = await pages(200);
    const stored = await t.db.kysely.selectFrom('arrivals').select('id').where('checkpoint_id', '=', station).execute();
    expect(all.map((a) => a.id).sort()).toEqual(stored.map((a) => a.id).sort());
    expect(new Set(all.map((a) => a.createdAt)).size).toBeLessThan(all.length);
    const order = all.map((a) => `${a.createdAt} ${a.id}`);
    expect(order).toEqual([...order].sort().reverse());
    for (const limit of [1, 2]) expect((await pages(limit)).map((a) => a.id)).toEqual(all.map((a) => a.id));
  });
});
