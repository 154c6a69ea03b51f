import { ALL_FIELDS, FIELD_RESOURCES, FIELD_RULES, permissionsOf, type FieldResource, type Role } from '@shoutu/domain';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/demo-accounts.js';
import { fictitiousIds, fictitiousPhones } from '../test-support/fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../test-support/harness.js';
import { fitting, type JsonSchema } from '../test-support/schema-arbitraries.js';
import type { RouteEntry } from './fastify-types.js';

const idNumber = fictitiousIds({ fromYear: 1962, sequence: 620 });
const phone = fictitiousPhones('136');

/** The demo account of each role the rules name. */
const accountOf = (role: Role): string => {
  const account = DEMO_ACCOUNTS.find((a) => a.roles.length === 1 && a.roles[0] === role);
  if (!account) throw new Error(`no demo account holds only ${role}`);
  return account.username;
};

const MASKED_ID = /^\d{6}\*{8}[\dX*]{4}$/;
const MASKED_PHONE = /^\d{3}\*{4}\d{4}$/;

/**
 * SECURITY.md row 9, generated over the rule table in packages/domain (FIELD_RULES) and the routes
 * that declare which resource they write and return: every field a role may not write is refused
 * with 403 `field_forbidden` naming it, and nothing changes; every answer a restricted role gets
 * carries only the fields it may read; identifiers stay masked for every role without unmask.
 */
describe.each(ENGINES)('field-level rules on %s', (engine) => {
  let t: TestApp;
  const cookies = new Map<string, string>();
  let gridPerson: { id: string; version: number; gridCode: string };

  beforeAll(async () => {
    t = await createTestApp(engine);
    for (const account of DEMO_ACCOUNTS) cookies.set(account.username, await t.login(account.username));
    gridPerson = (await call('grid', 'GET', '/persons?limit=1')).json().items[0];
    expect(gridPerson).toBeDefined();
  });
  afterAll(() => t.close());

  const call = (user: string, method: InjectOptions['method'], url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies.get(user)! }, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
  const lastSeq = async () => Number((await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? 0);
  const api = (url: string) => url.replace(/^\/api\/v1/, '');
  const writers = (resource: FieldResource) => t.app.routeInventory.filter((r) => r.fields?.write === resource);
  const readers = (resource: FieldResource) => t.app.routeInventory.filter((r) => r.fields?.read?.some(([name]) => name === resource));

  /** An object of the route's kind that the user can see, for the path parameter. */
  async function sampleId(route: RouteEntry, user: string): Promise<string> {
    if (route.url.startsWith('/api/v1/persons/')) return user === 'grid' ? gridPerson.id : (await call(user, 'GET', '/persons?limit=1')).json().items[0].id;
    if (route.url.startsWith('/api/v1/enterprises/')) return (await call('haizhou', 'GET', '/enterprises?limit=1')).json().items[0].id;
    if (route.url.startsWith('/api/v1/checkpoints/')) return (await call('leader', 'GET', '/checkpoints')).json().items[0].id;
    throw new Error(`no sample object for ${route.url}`);
  }

  it('declares the rules on routes: every resource is written or read somewhere', () => {
    for (const resource of FIELD_RESOURCES) expect(writers(resource).length + readers(resource).length, resource).toBeGreaterThan(0);
  });

  it('refuses, with 403 field_forbidden naming it, every field a role may not write, and changes nothing', async () => {
    let cases = 0;
    for (const resource of FIELD_RESOURCES) {
      for (const [role, forbidden] of Object.entries(FIELD_RULES[resource].writeForbidden) as Array<[Role, readonly string[]]>) {
        const user = accountOf(role);
        for (const route of writers(resource)) {
          const schema = route.schema?.body as JsonSchema;
          const fields = forbidden.includes(ALL_FIELDS) ? Object.keys(schema.properties!).filter((f) => f !== 'version') : forbidden.filter((f) => f in schema.properties!);
          const mayCall = permissionsOf([role]).includes(route.permission as never);
          for (const method of route.methods) {
            const url = route.url.includes(':id') ? api(route.url).replace(':id', await sampleId(route, user)) : api(route.url);
            for (const field of fields) {
              const [value] = fc.sample(fitting(schema.properties![field]!), { numRuns: 1 });
              const before = await lastSeq();
              const response = await call(user, method as InjectOptions['method'], url, { version: 1, [field]: value });
              const where = `${role} ${method} ${route.url} ${field}: ${response.statusCode} ${response.body.slice(0, 200)}`;
              cases += 1;
              expect(response.statusCode, where).toBe(403);
              expect(response.headers['content-type'], where).toMatch(/^application\/problem\+json/);
              if (mayCall) {
                expect(response.json().code, where).toBe('field_forbidden');
                expect(response.json().errors, where).toContainEqual({ field, code: 'field_forbidden', message: { 'zh-CN': expect.stringMatching(/\p{Script=Han}/u), en: expect.any(String) } });
              } else {
                // The role cannot call the route at all; the rule still stands for the day it may.
                expect(response.json().code, where).toBe('forbidden');
              }
              expect(await lastSeq(), `${where} wrote an audit row`).toBe(before);
            }
          }
        }
      }
    }
    console.log(`[field rules/${engine}] ${cases} forbidden writes refused`);
    expect(cases).toBeGreaterThan(10);
  });

  it('lets the grid worker write what the rules leave to the grid: contact details and follow-up results', async () => {
    const changed = await call('grid', 'PATCH', `/persons/${gridPerson.id}`, { version: gridPerson.version, phone: phone(1), address: '海州区网格测试小区 3 号楼' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().phone).toMatch(MASKED_PHONE);
    const followup = await call('grid', 'POST', `/persons/${gridPerson.id}/followups`, { date: '2022-07-09', testTaken: true, testResult: 'negative', temperature: 36.6, symptoms: [] });
    expect([201, 409]).toContain(followup.statusCode);
    const registered = await call('grid', 'POST', '/persons', { name: '网格登记', idNumber: idNumber(1), phone: phone(2), gridCode: gridPerson.gridCode, category: 'close_contact', lastExposureDate: '2022-07-08' });
    expect(registered.statusCode, registered.body).toBe(201);
    // A district officer writes the category the grid may not.
    const district = await call('haizhou', 'PATCH', `/persons/${gridPerson.id}`, { version: changed.json().version, category: 'suspected', categoryReason: '出现发热症状' });
    expect(district.statusCode, district.body).toBe(200);
  });

  it('gives a restricted role only the fields it may read, on every route that returns the resource', async () => {
    let checked = 0;
    for (const resource of FIELD_RESOURCES) {
      for (const [role, readable] of Object.entries(FIELD_RULES[resource].readOnly) as Array<[Role, readonly string[]]>) {
        const user = accountOf(role);
        for (const route of readers(resource).filter((r) => r.methods.includes('GET') && permissionsOf([role]).includes(r.permission as never))) {
          const url = route.url.includes(':id') ? api(route.url).replace(':id', await sampleId(route, user)) : api(route.url);
          const paths = route.fields!.read!.filter(([name]) => name === resource).map(([, path]) => path);
          const restricted = await call(user, 'GET', url);
          const full = await call('leader', 'GET', url);
          expect(restricted.statusCode, `${role} GET ${url}: ${restricted.body.slice(0, 200)}`).toBe(200);
          for (const path of paths) {
            const mine = objectsAt(restricted.json(), path);
            for (const object of mine) expect(Object.keys(object).filter((key) => !readable.includes(key)), `${role} GET ${route.url} at '${path}'`).toEqual([]);
            // The unrestricted answer carries more: the rule took something away.
            const theirs = objectsAt(full.json(), path);
            if (theirs.length > 0) expect(theirs.some((object) => Object.keys(object).some((key) => !readable.includes(key))), `${route.url} as leader`).toBe(true);
            checked += mine.length;
          }
        }
      }
    }
    console.log(`[field rules/${engine}] ${checked} objects read by restricted roles`);
    expect(checked).toBeGreaterThan(0);
  });

  it('answers a checkpoint officer registering an arrival with the person’s masked identity only', async () => {
    const checkpointId = (await call('leader', 'GET', '/checkpoints')).json().items[0].id;
    const response = await call('checkpoint', 'POST', `/checkpoints/${checkpointId}/arrivals`, {
      idNumber: idNumber(2), name: '到站核验', phone: phone(3), gridCode: gridPerson.gridCode, originText: '上海市浦东新区', originLevel: 'high', arrivalDate: '2022-08-09', transport: 'train', tripNo: 'G1234',
    });
    expect(response.statusCode, response.body).toBe(201);
    const person = response.json().person;
    expect(Object.keys(person).sort()).toEqual(['id', 'idNumber', 'isDemo', 'name']);
    expect(Object.keys(person).every((key) => FIELD_RULES.person.readOnly.checkpoint_officer!.includes(key))).toBe(true);
    expect(person.idNumber).toMatch(MASKED_ID);
    expect(response.body).not.toContain(idNumber(2));
  });

  it('keeps identifiers masked for every role without the unmask permission, and refuses it the full view', async () => {
    const roles = DEMO_ACCOUNTS.filter((a) => permissionsOf(a.roles).includes('persons:read'));
    expect(roles.length).toBeGreaterThan(3);
    for (const account of roles) {
      const page = await call(account.username, 'GET', '/persons?limit=50');
      expect(page.statusCode, account.username).toBe(200);
      const items = page.json().items as Array<{ id: string; idNumber: string; phone?: string; name: string }>;
      expect(items.length, account.username).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.idNumber, account.username).toMatch(MASKED_ID);
        if (item.phone !== undefined) expect(item.phone, account.username).toMatch(MASKED_PHONE);
        expect(item.name, account.username).toMatch(/^\p{Script=Han}{1,2}\*+$/u);
      }
      const unmask = await call(account.username, 'POST', `/persons/${items[0]!.id}/unmask`, { reason: '核实身份' });
      if (permissionsOf(account.roles).includes('persons:unmask')) expect(unmask.statusCode, account.username).toBe(200);
      else expect(unmask.json().code, account.username).toBe('forbidden');
    }
  });
});

/** The objects a dotted path reaches ('' the value itself, '*' every element). */
function objectsAt(value: unknown, path: string): Array<Record<string, unknown>> {
  let current: unknown[] = [value];
  for (const segment of path.split('.').filter(Boolean)) {
    current = current.flatMap((v) => (segment === '*' ? (Array.isArray(v) ? v : []) : v && typeof v === 'object' ? [(v as Record<string, unknown>)[segment]] : []));
  }
  return current.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v));
}
