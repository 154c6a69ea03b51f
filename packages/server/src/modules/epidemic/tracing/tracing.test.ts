import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { communitiesIn, fictitiousIds, fictitiousPhones } from '../../../test-support/fixtures.js';
import { registrationRows } from '../persons/persons.service.js';
import { PersonSealing } from '../persons/persons.sealing.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { TracingRepository } from './tracing.repository.js';
import type { ExposureSetting } from './tracing.tables.js';

const idNumber = fictitiousIds({ fromYear: 1960, sequence: 700 });
const phone = fictitiousPhones('137');

describe.each(ENGINES)('contact tracing on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let leader: string;
  let haizhouGrids: string[];
  let lianyunGrid: string;
  let serial = 100;
  const next = () => (serial += 1);

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun, leader] = await Promise.all([t.login('haizhou'), t.login('lianyun'), t.login('leader')]);
    haizhouGrids = await communitiesIn(t.db.kysely, '320706', 3);
    lianyunGrid = (await communitiesIn(t.db.kysely, '320703', 1))[0]!;
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });

  async function registerCase(cookie = haizhou, gridCode = haizhouGrids[0]!, sampleDate = '2022-07-05') {
    const n = next();
    const response = await call(cookie, 'POST', '/persons', { name: '测试病例', idNumber: idNumber(n), phone: phone(n), gridCode, category: 'confirmed', sampleDate, reportDate: sampleDate });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  }

  function contact(n: number, overrides: Record<string, unknown> = {}) {
    return { name: '测试密接', idNumber: idNumber(n), phone: phone(n), gridCode: haizhouGrids[1]!, setting: 'household', date: '2022-07-04', ...overrides };
  }

  const count = async (table: 'persons' | 'exposures') => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  describe('registering a contact from a case', () => {
    it('creates one person (a close contact from the exposure day, plan computed) and one exposure', async () => {
      const caseId = await registerCase();
      const [persons, exposures] = [await count('persons'), await count('exposures')];
      const body = contact(next());
      const response = await call(haizhou, 'POST', `/persons/${caseId}/contacts`, body);
      expect(response.statusCode).toBe(201);
      const result = response.json();
      expect(result).toMatchObject({ personCreated: true, exposureCreated: true, exposure: { sourcePersonId: caseId, setting: 'household', date: '2022-07-04', gridCode: body.gridCode } });
      expect(result.person).toMatchObject({ category: 'close_contact', lastExposureDate: '2022-07-04', name: '测***' });
      // 9th edition: 7 days centralized from the exposure day, then 3 days of monitoring.
      expect(result.person.measurePlan).toMatchObject({ edition: 'edition_9', from: '2022-07-04', endDate: '2022-07-14' });
      expect(response.body).not.toContain(body.idNumber);
      expect(response.body).not.toContain(body.phone);
      expect([await count('persons'), await count('exposures')]).toEqual([persons + 1, exposures + 1]);
      const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'detail']).where('object_id', '=', result.exposure.id).execute();
      expect(audit.map((a) => a.action)).toEqual(['exposure.create']);
      expect(audit[0]!.detail).not.toContain(body.idNumber);
    });

    it('registering the same contact twice keeps one person and one exposure; a later exposure moves the last exposure date', async () => {
      const caseId = await registerCase();
      const body = contact(next());
      const first = (await call(haizhou, 'POST', `/persons/${caseId}/contacts`, body)).json();
      const [persons, exposures] = [await count('persons'), await count('exposures')];
      const again = await call(haizhou, 'POST', `/persons/${caseId}/contacts`, { ...body, idNumber: body.idNumber.toLowerCase() });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ personCreated: false, exposureCreated: false, person: { id: first.person.id }, exposure: { id: first.exposure.id } });
      expect([await count('persons'), await count('exposures')]).toEqual([persons, exposures]);

      const later = await call(haizhou, 'POST', `/persons/${caseId}/contacts`, { ...body, setting: 'gathering', date: '2022-07-06' });
      expect(later.statusCode).toBe(201);
      expect(later.json()).toMatchObject({ personCreated: false, exposureCreated: true, person: { id: first.person.id, lastExposureDate: '2022-07-06' } });
      expect(later.json().person.measurePlan).toMatchObject({ from: '2022-07-06', endDate: '2022-07-16' });
      expect(await count('persons')).toBe(persons);
    });

    it("keeps a case a case when they are named as someone's contact", async () => {
      const first = await registerCase();
      const second = await registerCase();
      const secondId = (await call(haizhou, 'GET', `/persons/${second}`)).json();
      expect(secondId.category).toBe('confirmed');
      const n = serial;
      const response = await call(haizhou, 'POST', `/persons/${first}/contacts`, contact(n, { gridCode: haizhouGrids[0]! }));
      expect(response.json()).toMatchObject({ personCreated: false, person: { id: second, category: 'confirmed' } });
    });

    it("refuses the case's own ID number, a future day and an unknown setting, writing nothing", async () => {
      const n = next();
      const caseBody = { name: '测试病例', idNumber: idNumber(n), phone: phone(n), gridCode: haizhouGrids[0]!, category: 'confirmed', sampleDate: '2022-07-05', reportDate: '2022-07-05' };
      const caseId = (await call(haizhou, 'POST', '/persons', caseBody)).json().id as string;
      const before = await count('exposures');
      const self = await call(haizhou, 'POST', `/persons/${caseId}/contacts`, contact(n));
      expect(self.statusCode).toBe(400);
      expect(self.json().errors).toEqual([expect.objectContaining({ field: 'idNumber', code: 'same_person' })]);
      expect((await call(haizhou, 'POST', `/persons/${caseId}/contacts`, contact(next(), { date: '2099-01-01' }))).statusCode).toBe(400);
      expect((await call(haizhou, 'POST', `/persons/${caseId}/contacts`, contact(next(), { setting: 'sauna' }))).statusCode).toBe(400);
      expect(await count('exposures')).toBe(before);
    });
  });

  describe('chains of transmission', () => {
    let a: string;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      // A → B, A → C, B → D, C → D, D → E: generations A 0, B and C 1, D 2, E 3.
      a = await registerCase(haizhou, haizhouGrids[2]!, '2022-07-01');
      const add = async (source: string, name: string, date: string) => {
        const response = await call(haizhou, 'POST', `/persons/${source}/contacts`, contact(next(), { date, gridCode: haizhouGrids[2]! }));
        expect(response.statusCode).toBe(201);
        ids[name] = response.json().person.id;
      };
      await add(a, 'b', '2022-07-02');
      await add(a, 'c', '2022-07-02');
      await add(ids.b!, 'd', '2022-07-03');
      const dBody = (await call(haizhou, 'GET', `/persons/${ids.d}`)).json();
      expect(dBody.category).toBe('close_contact');
      await add(ids.d!, 'e', '2022-07-05');
      // C also met D: the generation is the fewest exposures, still 2.
      const d = ids.d!;
      const cToD = await t.db.kysely.selectFrom('exposures').select('target_person_id').where('target_person_id', '=', d).execute();
      expect(cToD).toHaveLength(1);
    });

    it('numbers the generations from the index case and counts the growth by day', async () => {
      const response = await call(haizhou, 'GET', `/persons/${ids.e}/chain`);
      expect(response.statusCode).toBe(200);
      const chain = response.json();
      expect(chain).toMatchObject({ indexCaseId: a, clusterId: a, focusPersonId: ids.e, size: 5, generations: 4, truncated: false });
      const generation = Object.fromEntries(chain.nodes.map((node: { id: string; generation: number }) => [node.id, node.generation]));
      expect(generation).toEqual({ [a]: 0, [ids.b!]: 1, [ids.c!]: 1, [ids.d!]: 2, [ids.e!]: 3 });
      expect(chain.nodes.find((node: { id: string }) => node.id === a)).toMatchObject({ isIndexCase: true, category: 'confirmed', name: '测***', visible: true });
      expect(chain.edges).toHaveLength(4);
      expect(chain.edges[0]).toMatchObject({ setting: 'household' });
      expect(chain.growth).toEqual([
        { date: '2022-07-01', added: 1, total: 1 },
        { date: '2022-07-02', added: 2, total: 3 },
        { date: '2022-07-03', added: 1, total: 4 },
        { date: '2022-07-05', added: 1, total: 5 },
      ]);
    });

    it('lists the cluster with its size and generations', async () => {
      const response = await call(haizhou, 'GET', `/tracing/clusters?regionCode=${haizhouGrids[2]}`);
      expect(response.statusCode).toBe(200);
      const cluster = response.json().items.find((c: { id: string }) => c.id === a);
      expect(cluster).toMatchObject({ indexCaseId: a, size: 5, generations: 4, firstDate: '2022-07-02', lastDate: '2022-07-05', categories: { confirmed: 1, close_contact: 4 }, indexCase: { name: '测***', category: 'confirmed' } });
    });
  });

  describe('ground', () => {
    it("hides another district's exposures, chains and clusters", async () => {
      const caseId = await registerCase(lianyun, lianyunGrid);
      const theirContact = next();
      const added = await call(lianyun, 'POST', `/persons/${caseId}/contacts`, contact(theirContact, { gridCode: lianyunGrid }));
      expect(added.statusCode).toBe(201);
      expect((await call(haizhou, 'GET', `/persons/${caseId}/chain`)).statusCode).toBe(404);
      expect((await call(haizhou, 'GET', `/persons/${added.json().person.id}/chain`)).statusCode).toBe(404);
      expect((await call(haizhou, 'POST', `/persons/${caseId}/contacts`, contact(next()))).statusCode).toBe(404);
      const theirs = (await call(haizhou, 'GET', '/tracing/clusters?limit=200')).json().items.map((c: { id: string }) => c.id);
      expect(theirs).not.toContain(caseId);
      expect((await call(lianyun, 'GET', '/tracing/clusters?limit=200')).json().items.map((c: { id: string }) => c.id)).toContain(caseId);
      expect((await call(leader, 'GET', `/persons/${caseId}/chain`)).statusCode).toBe(200);
      // A chain across two districts: each sees its own part, the city both.
      // No demo account may register in both districts, so the link is written directly.
      const haizhouCase = await registerCase();
      const lianyunCase = await registerCase(lianyun, lianyunGrid);
      const contactId = (await call(lianyun, 'POST', `/persons/${lianyunCase}/contacts`, contact(next(), { gridCode: lianyunGrid }))).json().person.id as string;
      await new TracingRepository(t.db.kysely).insertMany([
        { id: `cross-${engine}`, region_code: lianyunGrid, source_person_id: haizhouCase, target_person_id: contactId, setting: 'transport', exposure_date: '2022-07-04', note_enc: null, recorded_by: null, is_demo: 0, created_at: new Date().toISOString() },
      ]);
      expect((await call(haizhou, 'GET', `/persons/${haizhouCase}/chain`)).json()).toMatchObject({ size: 1, edges: [] });
      const fromLianyun = (await call(lianyun, 'GET', `/persons/${contactId}/chain`)).json();
      expect(fromLianyun.size).toBe(3);
      expect(fromLianyun.nodes.find((node: { id: string }) => node.id === haizhouCase)).toMatchObject({ visible: false, name: null, category: null });
      expect((await call(leader, 'GET', `/persons/${haizhouCase}/chain`)).json().nodes.every((node: { visible: boolean }) => node.visible)).toBe(true);
      // A contact in another district cannot be registered from here.
      const foreign = await call(haizhou, 'POST', `/persons/${await registerCase()}/contacts`, contact(next(), { gridCode: lianyunGrid }));
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().errors).toEqual([expect.objectContaining({ field: 'gridCode', code: 'outside_ground' })]);
      // Nor one already registered there, named here with a grid of this district: 409, nothing written.
      const before = await count('exposures');
      const elsewhere = await call(haizhou, 'POST', `/persons/${haizhouCase}/contacts`, contact(theirContact));
      expect(elsewhere.statusCode).toBe(409);
      expect(elsewhere.json()).toMatchObject({ code: 'person_exists' });
      expect(elsewhere.body).not.toContain(added.json().person.id);
      expect(await count('exposures')).toBe(before);
    });
  });

  describe('a 1,000-person cluster', () => {
    it('answers the chain with every member of the cluster and its index case', async () => {
      const sealing = new PersonSealing(t.app.services.crypto);
      const at = new Date().toISOString();
      const grid = haizhouGrids[0]!;
      const rows = Array.from({ length: 1000 }, (_, i) => {
        const n = 40_000 + i;
        return registrationRows(sealing, { name: `演示链${i}`, idNumber: idNumber(n), phone: phone(n), gridCode: grid, category: i === 0 ? 'confirmed' : 'close_contact', address: null, gridWorkerId: null, sex: 'male', birthYear: 1980, onsetDate: null, lastExposureDate: '2022-07-10', sampleDate: i === 0 ? '2022-07-09' : null, reportDate: '2022-07-10', arrivalDate: null }, null, at);
      });
      await new PersonsRepository(t.db.kysely).insertNew(rows.map((r) => r.person));
      const ids = rows.map((r) => r.person.id);
      // A branching tree: person i was exposed by person ⌊(i − 1) / 3⌋, plus a few cross links.
      const exposures = ids.slice(1).map((id, i) => ({ id: `perf-${i}`, region_code: grid, source_person_id: ids[Math.floor(i / 3)]!, target_person_id: id, setting: 'gathering' as ExposureSetting, exposure_date: '2022-07-10', note_enc: null, recorded_by: null, is_demo: 0, created_at: at }));
      for (let i = 10; i < 1000; i += 97) exposures.push({ ...exposures[i]!, id: `perf-x${i}`, source_person_id: ids[i]!, target_person_id: ids[i - 7]!, setting: 'household' });
      await new TracingRepository(t.db.kysely).insertMany(exposures);

      // Speed is measured by `npm run bench` (the 'chain' scenario); here only the answer is checked.
      const response = await call(haizhou, 'GET', `/persons/${ids[999]}/chain`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ size: 1000, indexCaseId: ids[0], truncated: false });
    });
  });
});
