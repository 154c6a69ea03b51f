import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../test-support/harness.js';

/**
 * SECURITY.md row 8, generated from the route inventory so that a route added later is covered
 * without anyone remembering to add it: for every list, a district officer sees only their
 * district; for every route under a listed object, an officer of another district gets nothing —
 * GET is 404 exactly, other methods never succeed and change nothing.
 */
type Item = { id?: string; code?: string; regionCode?: string; gridCode?: string } & Record<string, unknown>;

const HOME = '320706'; // haizhou
const FOREIGN = '320703'; // lianyun

const REGION_CODE = /^(\d{6}|\d{9}|\d{12})$/;
const placeOf = (item: Item): string | undefined => item.regionCode ?? item.gridCode ?? (item.code && REGION_CODE.test(item.code) ? item.code : undefined);
const keyOf = (item: Item): string | undefined => item.id ?? item.code;

describe.each(ENGINES)('the ground matrix on %s', (engine) => {
  let t: TestApp;
  let leader: string;
  let haizhou: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [leader, haizhou] = await Promise.all([t.login('leader'), t.login('haizhou')]);
  });
  afterAll(() => t.close());

  const api = () => t.app.routeInventory.filter((r) => r.url.startsWith('/api/v1/'));
  const lists = () => api().filter((r) => r.methods.includes('GET') && !r.url.includes(':') && r.permission !== 'public');

  async function items(url: string, cookie: string): Promise<Item[] | null> {
    let response = await t.app.inject({ method: 'GET', url: `${url}?limit=200`, headers: { cookie } });
    if (response.statusCode === 400) response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200 || !response.headers['content-type']?.toString().includes('json')) return null;
    const body = response.json() as { items?: unknown };
    return Array.isArray(body.items) ? (body.items as Item[]) : null;
  }

  it('keeps every list of a district officer inside their district', async () => {
    let checked = 0;
    for (const route of lists()) {
      const rows = await items(route.url, haizhou);
      if (!rows) continue;
      for (const row of rows) {
        const place = placeOf(row);
        if (place !== undefined) expect(place, `${route.url} returned a row of ${place}`).toMatch(new RegExp(`^${HOME}`));
      }
      checked += 1;
    }
    console.log(`[ground matrix/${engine}] ${checked} lists checked for foreign rows`);
    expect(checked).toBeGreaterThan(0);
  });

  it("answers nothing about another district's objects on any route beneath them", async () => {
    let routes = 0;
    let requests = 0;
    for (const list of lists()) {
      const foreign = ((await items(list.url, leader)) ?? []).filter((row) => placeOf(row)?.startsWith(FOREIGN) && keyOf(row)).slice(0, 2);
      if (foreign.length === 0) continue;
      const beneath = api().filter((r) => r.url.startsWith(`${list.url}/:`));
      for (const route of beneath) {
        routes += 1;
        for (const row of foreign) {
          const url = route.url.replace(/:[A-Za-z]+/, encodeURIComponent(keyOf(row)!)).replace(/:[A-Za-z]+/g, '1');
          const before = await t.app.inject({ method: 'GET', url: `${list.url}/${encodeURIComponent(keyOf(row)!)}`, headers: { cookie: leader } });
          for (const method of route.methods.filter((m) => m !== 'HEAD')) {
            const response = await t.app.inject({ method: method as 'GET', url, headers: { cookie: haizhou }, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }) });
            requests += 1;
            if (method === 'GET') expect([403, 404], `${method} ${url}`).toContain(response.statusCode);
            else expect(response.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(400);
            expect([409, 422], `${method} ${url} reveals the object exists`).not.toContain(response.statusCode);
          }
          const after = await t.app.inject({ method: 'GET', url: `${list.url}/${encodeURIComponent(keyOf(row)!)}`, headers: { cookie: leader } });
          expect(after.body, `${url} changed a foreign object`).toBe(before.body);
        }
      }
    }
    console.log(`[ground matrix/${engine}] ${routes} routes beneath listed objects, ${requests} foreign requests`);
    expect(routes).toBeGreaterThan(0);
  });

  it('gives a random id the same answer as a foreign one', async () => {
    for (const route of api().filter((r) => r.methods.includes('GET') && /\/:[A-Za-z]+$/.test(r.url))) {
      const response = await t.app.inject({ method: 'GET', url: route.url.replace(/:[A-Za-z]+$/, randomUUID()).replace(/:[A-Za-z]+/g, '1'), headers: { cookie: leader } });
      expect([400, 403, 404], route.url).toContain(response.statusCode);
    }
  });
});
