import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../test-support/harness.js';

describe.each(ENGINES)('regions and ground on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let leader: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun, leader] = await Promise.all([t.login('haizhou'), t.login('lianyun'), t.login('leader')]);
  });
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

  it('loads the real region tree of Lianyungang: 7 county-level units, 109 towns, 1,782 communities', async () => {
    const counties = (await get('/api/v1/regions?parent=320700', leader)).json().items as Array<{ code: string; childCount: number }>;
    expect(counties.map((c) => c.code)).toEqual(['320703', '320706', '320707', '320722', '320723', '320724', '320771']);
    expect(counties.reduce((n, c) => n + c.childCount, 0)).toBe(109);
    let communities = 0;
    for (const county of counties) {
      const towns = (await get(`/api/v1/regions?parent=${county.code}`, leader)).json().items as Array<{ childCount: number }>;
      communities += towns.reduce((n, town) => n + town.childCount, 0);
    }
    expect(communities).toBe(1782);
  });

  it('gives a district officer their own district as the root of the tree', async () => {
    const response = await get('/api/v1/regions', haizhou);
    expect(response.json().items).toEqual([{ code: '320706', name: '海州区', level: 'county', parentCode: '320700', childCount: expect.any(Number) }]);
  });

  it("lists only the caller's district among the city's children", async () => {
    expect((await get('/api/v1/regions?parent=320700', haizhou)).json().items.map((r: { code: string }) => r.code)).toEqual(['320706']);
    expect((await get('/api/v1/regions?parent=320700', lianyun)).json().items.map((r: { code: string }) => r.code)).toEqual(['320703']);
  });

  it("answers 404 for another district's region and everything under it", async () => {
    const town = (await get('/api/v1/regions?parent=320703', lianyun)).json().items[0].code as string;
    for (const code of ['320703', town, '320700']) {
      const response = await get(`/api/v1/regions/${code}`, haizhou);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('not_found');
    }
    expect((await get(`/api/v1/regions?parent=${town}`, haizhou)).json().items).toEqual([]);
    expect((await get(`/api/v1/regions/${town}`, lianyun)).statusCode).toBe(200);
  });

  it("hides another district's units from lists and direct reads", async () => {
    const lianyunUnits = (await get('/api/v1/units', lianyun)).json().items as Array<{ id: string; regionCode: string }>;
    expect(lianyunUnits.length).toBeGreaterThan(0);
    expect(lianyunUnits.every((u) => u.regionCode.startsWith('320703'))).toBe(true);
    const haizhouUnits = (await get('/api/v1/units', haizhou)).json().items as Array<{ id: string; regionCode: string }>;
    expect(haizhouUnits.every((u) => u.regionCode.startsWith('320706'))).toBe(true);
    expect((await get(`/api/v1/units/${lianyunUnits[0]!.id}`, haizhou)).statusCode).toBe(404);
    expect((await get(`/api/v1/units/${lianyunUnits[0]!.id}`, leader)).statusCode).toBe(200);
  });

  it('refuses a request without a session with 401', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/regions' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });
});
