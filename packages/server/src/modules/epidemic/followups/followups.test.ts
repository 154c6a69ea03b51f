import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { fictitiousIds, fictitiousPhones } from '../../../test-support/fixtures.js';

const idNumber = fictitiousIds({ fromYear: 1965, sequence: 600 });
const phone = fictitiousPhones('136');

/** 10:00 in China on the day. */
const chinaMorning = (day: string) => Date.parse(`${day}T02:00:00Z`);

describe.each(ENGINES)('daily follow-up and release on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let grid: string;
  let lianyunGrid: string;
  let serial = 100;
  const next = () => (serial += 1);
  /** Moves the clock to a day; sessions idle that long have ended, so both users sign in again. */
  async function setToday(day: string) {
    t.clock.advance(chinaMorning(day) - t.clock.now().getTime());
    [haizhou, lianyun] = await Promise.all([t.login('haizhou'), t.login('lianyun')]);
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    // The rules of 2022 apply to days of 2022: the suite lives in July 2022.
    await setToday('2022-07-12');
    // Grids without demo persons, so that the counts below are this suite's alone.
    const empty = async (district: string) =>
      (
        await t.db.kysely
          .selectFrom('regions')
          .select('code')
          .where('level', '=', 'community')
          .where('code', '>=', district)
          .where('code', '<', `${district}~`)
          .where('code', 'not in', (eb) => eb.selectFrom('persons').select('region_code'))
          .orderBy('code')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).code;
    grid = await empty('320706');
    lianyunGrid = await empty('320703');
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });

  /** A close contact exposed on 8 July 2022 (9th edition): centralized to 15 July, monitoring to 18 July; tests on 9, 10, 11, 13, 15, 18 July. */
  async function closeContact(cookie = haizhou, gridCode = grid) {
    const n = next();
    const response = await call(cookie, 'POST', '/persons', { name: '随访测试', idNumber: idNumber(n), phone: phone(n), gridCode, category: 'close_contact', lastExposureDate: '2022-07-08' });
    expect(response.statusCode).toBe(201);
    expect(response.json().measurePlan).toMatchObject({ endDate: '2022-07-18' });
    return response.json().id as string;
  }

  const followUp = (personId: string, date: string, extra: Record<string, unknown> = {}) =>
    call(haizhou, 'POST', `/persons/${personId}/followups`, { date, temperature: 36.5, symptoms: [], testTaken: false, ...extra });

  let regular: string;
  let positive: string;

  describe("the grid's list for the day", () => {
    beforeAll(async () => {
      await setToday('2022-07-12');
      regular = await closeContact();
      positive = await closeContact();
      expect((await followUp(regular, '2022-07-10', { testTaken: true, testResult: 'negative' })).statusCode).toBe(201);
    });

    it('lists who needs a follow-up today with the measure, the plan day and whether a test is due', async () => {
      const today = (await call(haizhou, 'GET', `/followups/today?gridCode=${grid}`)).json();
      expect(today.date).toBe('2022-07-12');
      const item = today.due.find((d: { person: { id: string } }) => d.person.id === regular);
      expect(item).toMatchObject({ measure: 'centralized_quarantine', planDay: 4, endDate: '2022-07-18', testDueToday: false, followedUp: false, person: { name: '随***', category: 'close_contact' } });
      expect(today.releaseDue.map((r: { person: { id: string } }) => r.person.id)).not.toContain(regular);
    });

    it('lists who was missed yesterday, escalated by how many days in a row', async () => {
      const today = (await call(haizhou, 'GET', `/followups/today?gridCode=${grid}`)).json();
      const missed = Object.fromEntries(today.missedYesterday.map((m: { person: { id: string }; consecutiveDays: number; escalatedTo: string }) => [m.person.id, [m.consecutiveDays, m.escalatedTo]]));
      // Followed up on the 10th, missed the 11th: the grid's to catch up.
      expect(missed[regular]).toEqual([1, 'community']);
      // Missed the 9th, 10th and 11th: the district's.
      expect(missed[positive]).toEqual([3, 'district']);
    });

    it('marks a follow-up recorded today, encrypts it at rest, and tells a test day', async () => {
      const response = await followUp(regular, '2022-07-12', { temperature: 37.1, symptoms: ['cough'] });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ personId: regular, date: '2022-07-12', temperature: 37.1, symptoms: ['cough'], testTaken: false, testResult: null });
      const today = (await call(haizhou, 'GET', `/followups/today?gridCode=${grid}`)).json();
      expect(today.due.find((d: { person: { id: string } }) => d.person.id === regular).followedUp).toBe(true);
      const raw = await t.db.kysely.selectFrom('followups').selectAll().where('id', '=', response.json().id).executeTakeFirstOrThrow();
      expect(JSON.stringify(raw)).not.toContain('cough');
      expect(JSON.stringify(raw)).not.toContain('37.1');
      const tomorrow = (await call(haizhou, 'GET', `/followups/today?gridCode=${grid}&date=2022-07-13`)).json();
      expect(tomorrow.due.find((d: { person: { id: string } }) => d.person.id === regular).testDueToday).toBe(true);
      const audit = await t.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'followup.create').where('object_id', '=', regular).execute();
      expect(audit).toHaveLength(2);
      expect(audit.map((a) => a.detail).join()).not.toContain('cough');
    });

    it('refuses a follow-up dated tomorrow and a result without a test', async () => {
      expect((await followUp(regular, '2022-07-13')).statusCode).toBe(400);
      expect((await followUp(regular, '2022-07-12', { testTaken: false, testResult: 'negative' })).statusCode).toBe(400);
    });

    it('counts missed follow-ups per child region with their escalation', async () => {
      const town = grid.slice(0, 9);
      const response = await call(haizhou, 'GET', `/followups/missed?regionCode=320706&date=2022-07-11`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ regionCode: '320706', date: '2022-07-11' });
      const child = body.children.find((c: { regionCode: string }) => c.regionCode === town);
      expect(child.missed).toBeGreaterThanOrEqual(2);
      expect(child.community).toBeGreaterThanOrEqual(1);
      expect(child.district).toBeGreaterThanOrEqual(1);
      expect(body.missed).toBe(body.children.reduce((sum: number, c: { missed: number }) => sum + c.missed, 0));
      const inTown = (await call(haizhou, 'GET', `/followups/missed?regionCode=${town}&date=2022-07-11`)).json();
      expect(inTown.children.find((c: { regionCode: string }) => c.regionCode === grid)).toMatchObject({ due: 2, missed: 2, community: 1, town: 0, district: 1 });
    });
  });

  describe('release', () => {
    it('is refused before the period ends, with the reasons', async () => {
      await setToday('2022-07-12');
      const person = (await call(haizhou, 'GET', `/persons/${regular}`)).json();
      const response = await call(haizhou, 'POST', `/persons/${regular}/release`, { version: person.version });
      expect(response.statusCode).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'release_refused', reasons: ['period_not_over', 'tests_missing'] });
    });

    it('is refused after a positive test, which also alerts the grid', async () => {
      await setToday('2022-07-18');
      for (const day of ['2022-07-09', '2022-07-10', '2022-07-11', '2022-07-15', '2022-07-18']) expect((await followUp(positive, day, { testTaken: true, testResult: 'negative' })).statusCode).toBe(201);
      expect((await followUp(positive, '2022-07-13', { testTaken: true, testResult: 'positive' })).statusCode).toBe(201);
      const version = (await call(haizhou, 'GET', `/persons/${positive}`)).json().version;
      const response = await call(haizhou, 'POST', `/persons/${positive}/release`, { version });
      expect(response.statusCode).toBe(422);
      // The positive sample of the 13th also leaves that scheduled test without a negative result.
      expect(response.json().reasons).toEqual(['tests_missing', 'positive_test']);
      const alerts = (await call(haizhou, 'GET', `/alerts?gridCode=${grid}`)).json().items;
      expect(alerts).toContainEqual(expect.objectContaining({ kind: 'positive_test', person: expect.objectContaining({ id: positive }), status: 'open' }));
    });

    it('is allowed once the period is over with every scheduled test negative, and is one action', async () => {
      await setToday('2022-07-18');
      for (const day of ['2022-07-09', '2022-07-11', '2022-07-13', '2022-07-15', '2022-07-18']) expect((await followUp(regular, day, { testTaken: true, testResult: 'negative' })).statusCode).toBe(201);
      const list = (await call(haizhou, 'GET', `/followups/today?gridCode=${grid}`)).json();
      expect(list.releaseDue).toContainEqual(expect.objectContaining({ person: expect.objectContaining({ id: regular }), canRelease: true, reasons: [], endDate: '2022-07-18' }));
      expect(list.releaseDue).toContainEqual(expect.objectContaining({ person: expect.objectContaining({ id: positive }), canRelease: false, reasons: ['tests_missing', 'positive_test'] }));

      const version = (await call(haizhou, 'GET', `/persons/${regular}`)).json().version;
      expect((await call(haizhou, 'POST', `/persons/${regular}/release`, { version: version + 5 })).statusCode).toBe(409);
      const response = await call(haizhou, 'POST', `/persons/${regular}/release`, { version });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ personId: regular, status: 'released', releasedOn: '2022-07-18', edition: 'edition_9' });
      expect((await call(haizhou, 'GET', `/persons/${regular}`)).json().status).toBe('released');
      expect(await t.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'person.release').where('object_id', '=', regular).execute()).toHaveLength(1);
      expect((await call(haizhou, 'POST', `/persons/${regular}/release`, { version: version + 1 })).json().code).toBe('person_not_managed');
      expect((await followUp(regular, '2022-07-18')).statusCode).toBe(409);
      const after = (await call(haizhou, 'GET', `/followups/today?gridCode=${grid}`)).json();
      expect(after.releaseDue.map((r: { person: { id: string } }) => r.person.id)).not.toContain(regular);
    });
  });

  describe('ground', () => {
    it("hides another district's follow-ups, lists and alerts", async () => {
      await setToday('2022-07-12');
      const theirs = await closeContact(lianyun, lianyunGrid);
      expect((await call(lianyun, 'POST', `/persons/${theirs}/followups`, { testTaken: false })).statusCode).toBe(201);
      expect((await call(haizhou, 'GET', `/persons/${theirs}/followups`)).statusCode).toBe(404);
      expect((await call(haizhou, 'POST', `/persons/${theirs}/followups`, { testTaken: false })).statusCode).toBe(404);
      expect((await call(haizhou, 'POST', `/persons/${theirs}/release`, { version: 1 })).statusCode).toBe(404);
      const today = (await call(haizhou, 'GET', '/followups/today')).json();
      expect([...today.due, ...today.missedYesterday, ...today.releaseDue].every((x: { person: { gridCode: string } }) => x.person.gridCode.startsWith('320706'))).toBe(true);
      expect((await call(haizhou, 'GET', '/followups/missed?regionCode=320703')).statusCode).toBe(404);
      expect((await call(lianyun, 'GET', `/persons/${theirs}/followups`)).json().items).toHaveLength(1);
      expect((await call(lianyun, 'GET', '/alerts')).json().items.every((a: { gridCode: string }) => a.gridCode.startsWith('320703'))).toBe(true);
    });
  });
});
