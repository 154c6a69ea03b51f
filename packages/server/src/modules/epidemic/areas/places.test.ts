import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitiesIn, fictitiousIds, fictitiousPhones } from '../../../test-support/fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';

const idNumber = fictitiousIds({ fromYear: 1994, sequence: 840, area: '320722' });
const phone = fictitiousPhones('131');

describe.each(ENGINES)('named places as risk areas on %s', (engine) => {
  let t: TestApp;
  let leader: string;
  let haizhou: string;
  let lianyun: string;
  let community: string;
  let market: { id: string; name: string };
  let station: string;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    // The 9th edition grades places of activity high, medium and low.
    t.clock.advance(Date.parse('2022-08-10T02:00:00Z') - t.clock.now().getTime());
    [leader, haizhou, lianyun] = await Promise.all([t.login('leader'), t.login('haizhou'), t.login('lianyun')]);
    // A community of 海州区 without demo designations around it.
    community = (await communitiesIn(t.db.kysely, '320706', 400)).at(-1)!;
    const created = await call(leader, 'POST', '/checkpoints', { name: '地点测试站', kind: 'station', regionCode: '320706' });
    station = created.json().id;
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
  const arrival = (itinerary: unknown[]) => {
    const n = (serial += 1);
    return { idNumber: idNumber(n), name: '行程测试', phone: phone(n), gridCode: community, originText: '灌云县', arrivalDate: '2022-08-09', transport: 'car', itinerary };
  };

  it('registers a named place inside a community of the ground, once', async () => {
    const response = await call(leader, 'POST', '/places', { regionCode: community, name: '测试农贸市场', kind: 'market' });
    expect(response.statusCode).toBe(201);
    market = response.json();
    expect(market).toMatchObject({ regionCode: community, name: '测试农贸市场', kind: 'market' });
    const again = await call(leader, 'POST', '/places', { regionCode: community, name: '测试农贸市场', kind: 'market' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([expect.objectContaining({ field: 'name', code: 'taken' })]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', market.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['place.create']);
  });

  it('refuses a bad place with 400 and writes nothing; only the policy permission may add one', async () => {
    const before = await t.db.kysely.selectFrom('named_places').selectAll().execute();
    for (const body of [{ regionCode: community.slice(0, 9), name: '某楼', kind: 'building' }, { regionCode: community, name: '某楼', kind: 'castle' }, { regionCode: '320706999999', name: '某楼', kind: 'building' }, { regionCode: community, name: 'x', kind: 'building' }]) {
      expect((await call(leader, 'POST', '/places', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await call(haizhou, 'POST', '/places', { regionCode: community, name: '某楼', kind: 'building' })).statusCode).toBe(403);
    expect(await t.db.kysely.selectFrom('named_places').selectAll().execute()).toEqual(before);
  });

  it('lists places in the ground only', async () => {
    expect((await call(haizhou, 'GET', `/places?regionCode=${community}`)).json().items).toEqual([expect.objectContaining({ id: market.id })]);
    expect((await call(haizhou, 'GET', '/places?q=农贸')).json().items.map((p: { id: string }) => p.id)).toContain(market.id);
    expect((await call(lianyun, 'GET', '/places?q=农贸')).json().items.map((p: { id: string }) => p.id)).not.toContain(market.id);
  });

  it('designates the place high on its own, beside the region designations, with its own clock', async () => {
    expect((await call(leader, 'POST', '/areas/risk', { regionCode: community, placeId: market.id, level: 'high', effectiveFrom: '2022-08-05', reason: '感染者到访' })).statusCode).toBe(400);
    expect((await call(leader, 'POST', '/areas/risk', { level: 'high', effectiveFrom: '2022-08-05', reason: '感染者到访' })).statusCode).toBe(400);
    const response = await call(leader, 'POST', '/areas/risk', { placeId: market.id, level: 'high', effectiveFrom: '2022-08-05', reason: '感染者到访' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ regionCode: community, placeId: market.id, placeName: '测试农贸市场', placeKind: 'market', level: 'high', edition: 'edition_9' });
    const list = (await call(haizhou, 'GET', '/areas/risk?date=2022-08-10')).json().items;
    expect(list).toContainEqual(expect.objectContaining({ placeId: market.id, current: expect.objectContaining({ level: 'high', clockSource: 'designation', clockFrom: '2022-08-05' }) }));
    // 7 days after the designation the 9th edition steps it down to medium.
    const later = (await call(haizhou, 'GET', '/areas/risk?date=2022-08-13')).json().items.find((a: { placeId: string | null }) => a.placeId === market.id);
    expect(later.current.level).toBe('medium');
    // The community itself stays undesignated, and another district sees neither.
    expect((await call(haizhou, 'GET', `/areas/risk/${community}/next?date=2022-08-10`)).statusCode).toBe(404);
    expect((await call(lianyun, 'GET', '/areas/risk?date=2022-08-10')).json().items.map((a: { placeId: string | null }) => a.placeId)).not.toContain(market.id);
  });

  it('makes an arrival whose itinerary crosses the place one from a key area, with its measure and a travel denial', async () => {
    const body = arrival([{ date: '2022-08-07', text: '去过测试农贸市场', placeId: market.id }]);
    const response = await call(haizhou, 'POST', `/checkpoints/${station}/arrivals`, body);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ keyArea: true, personCreated: true, arrival: { originLevel: 'high', itinerary: [{ date: '2022-08-07', text: '去过测试农贸市场', placeId: market.id, regionCode: community, level: 'high' }] } });
    expect(result.person).toMatchObject({ category: 'arrival_key_area', measurePlan: expect.objectContaining({ from: '2022-08-09' }) });
    expect(result.alertId).not.toBeNull();
    expect(response.body).not.toContain(body.idNumber);
    const check = (await call(haizhou, 'POST', '/travel-checks', { idNumber: body.idNumber, destination: '110000' })).json();
    expect(check.decision).toBe('deny');
    expect(check.reasons.map((r: { code: string }) => r.code)).toContain('area_level_denied');
  });

  it('leaves an itinerary through another place of the same community low, and checks its entries', async () => {
    const other = (await call(leader, 'POST', '/places', { regionCode: community, name: '测试超市', kind: 'mall' })).json();
    const response = await call(haizhou, 'POST', `/checkpoints/${station}/arrivals`, arrival([{ date: '2022-08-07', text: '去过测试超市', placeId: other.id }]));
    expect(response.json()).toMatchObject({ keyArea: false, arrival: { originLevel: 'low', itinerary: [expect.objectContaining({ placeId: other.id, level: 'low' })] } });

    const before = await t.db.kysely.selectFrom('arrivals').selectAll().execute();
    for (const itinerary of [[{ date: '2022-08-10', text: '到达之后', placeId: market.id }], [{ date: '2022-08-07', text: '未知地点', placeId: 'no-such-place' }], [{ date: '2022-08-07', text: '' }]]) {
      expect((await call(haizhou, 'POST', `/checkpoints/${station}/arrivals`, arrival(itinerary))).statusCode, JSON.stringify(itinerary)).toBe(400);
    }
    expect(await t.db.kysely.selectFrom('arrivals').selectAll().execute()).toHaveLength(before.length);
  });
});
