import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communitiesIn, fictitiousIds, fictitiousPhones } from '../../../test-support/fixtures.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { rebuildEpidemicCounters } from './counters.service.js';

const idNumber = fictitiousIds({ fromYear: 1985, sequence: 800 });
const phone = fictitiousPhones('133');
const DAY = 86_400_000;

/** A small deterministic generator, so a failing series can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(ENGINES)('epidemic dashboard on %s', (engine) => {
  let t: TestApp;
  let cookies: Record<'leader' | 'haizhou' | 'lianyun' | 'grid' | 'checkpoint', string>;
  let haizhouGrids: string[];
  let lianyunGrid: string;
  let serial = 0;
  const persons: Array<{ id: string; idNumber: string; cookie: 'haizhou' | 'lianyun' }> = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    // The "10 measures" are in force (5 days at home for contacts, cases at home until released), after
    // the last follow-up of the demo: no follow-up is dated in the suite's future.
    t.clock.advance(Date.parse('2022-12-20T02:00:00Z') - t.clock.now().getTime());
    await signIn();
    const gridWorker = await t.db.kysely.selectFrom('users').select('ground_region_codes').where('username', '=', 'grid').executeTakeFirstOrThrow();
    const own = (JSON.parse(gridWorker.ground_region_codes) as string[])[0]!;
    haizhouGrids = [own, ...(await communitiesIn(t.db.kysely, '320706', 3)).filter((c) => c !== own).slice(0, 2)];
    lianyunGrid = (await communitiesIn(t.db.kysely, '320703', 1))[0]!;
  });
  afterAll(() => t.close());

  async function signIn() {
    const [leader, haizhou, lianyun, grid, checkpoint] = await Promise.all(['leader', 'haizhou', 'lianyun', 'grid', 'checkpoint'].map((u) => t.login(u)));
    cookies = { leader: leader!, haizhou: haizhou!, lianyun: lianyun!, grid: grid!, checkpoint: checkpoint! };
  }

  const call = (who: keyof typeof cookies, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[who], ...headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
  const today = () => new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const daysAgo = (n: number) => new Date(Date.parse(`${today()}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);
  const dashboard = async (who: keyof typeof cookies, query = '') => {
    const response = await call(who, 'GET', `/epidemic/dashboard${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  function personBody(random: () => number, gridCode: string) {
    const n = (serial += 1);
    const categories = ['close_contact', 'close_contact', 'secondary_contact', 'confirmed', 'asymptomatic', 'suspected', 'arrival_key_area'] as const;
    const category = categories[Math.floor(random() * categories.length)]!;
    const back = daysAgo(Math.floor(random() * 12));
    const dates =
      category === 'confirmed' || category === 'asymptomatic'
        ? { sampleDate: back }
        : category === 'suspected'
          ? { reportDate: back }
          : category === 'arrival_key_area'
            ? { arrivalDate: back }
            : { lastExposureDate: back };
    return { name: '看板测试', idNumber: idNumber(n), phone: phone(n), gridCode, category, ...dates };
  }

  async function register(random: () => number) {
    const who = random() < 0.8 ? 'haizhou' : 'lianyun';
    const grid = who === 'haizhou' ? haizhouGrids[Math.floor(random() * haizhouGrids.length)]! : lianyunGrid;
    const body = personBody(random, grid);
    const response = await call(who, 'POST', '/persons', body);
    expect(response.statusCode, response.body).toBe(201);
    persons.push({ id: response.json().id, idNumber: body.idNumber, cookie: who });
  }

  const pick = (random: () => number) => persons[Math.floor(random() * persons.length)]!;
  const current = async (p: (typeof persons)[number]) => (await call(p.cookie, 'GET', `/persons/${p.id}`)).json();

  /** One write that the dashboard counts, chosen at random. */
  async function operation(random: () => number): Promise<void> {
    const x = random();
    if (persons.length < 4 || x < 0.2) return register(random);
    const p = pick(random);
    const person = await current(p);
    if (x < 0.3) {
      const category = ['close_contact', 'confirmed', 'asymptomatic', 'suspected'].find((c) => c !== person.category)!;
      const dates = category === 'confirmed' || category === 'asymptomatic' ? { sampleDate: daysAgo(1) } : category === 'suspected' ? { reportDate: daysAgo(0) } : { lastExposureDate: daysAgo(2) };
      expect((await call(p.cookie, 'PATCH', `/persons/${p.id}`, { version: person.version, category, categoryReason: '核酸结果', ...dates })).statusCode).toBe(200);
    } else if (x < 0.38) {
      const field = person.category === 'confirmed' || person.category === 'asymptomatic' ? 'sampleDate' : person.category === 'suspected' ? 'reportDate' : person.category === 'arrival_key_area' ? 'arrivalDate' : 'lastExposureDate';
      expect((await call(p.cookie, 'PATCH', `/persons/${p.id}`, { version: person.version, [field]: daysAgo(Math.floor(random() * 9)) })).statusCode).toBe(200);
    } else if (x < 0.44 && p.cookie === 'haizhou') {
      const gridCode = haizhouGrids.find((g) => g !== person.gridCode)!;
      expect((await call(p.cookie, 'PATCH', `/persons/${p.id}`, { version: person.version, gridCode })).statusCode).toBe(200);
    } else if (x < 0.54) {
      // Refused (422) while the period runs or tests are missing: then nothing changes.
      expect([200, 409, 422]).toContain((await call(p.cookie, 'POST', `/persons/${p.id}/release`, { version: person.version })).statusCode);
    } else if (x < 0.72) {
      const date = random() < 0.3 ? daysAgo(1) : today();
      expect([201, 409]).toContain((await call(p.cookie, 'POST', `/persons/${p.id}/followups`, { date, testTaken: random() < 0.3, testResult: null })).statusCode);
    } else if (x < 0.8) {
      const who = random() < 0.5 ? 'haizhou' : 'checkpoint';
      expect((await call(who, 'POST', '/travel-checks', { idNumber: random() < 0.7 ? p.idNumber : idNumber(90_000 + serial), destination: '110000' })).statusCode).toBe(200);
    } else if (x < 0.86) {
      const rows = Array.from({ length: 3 }, () => personBody(random, haizhouGrids[0]!));
      const csv = `name,idNumber,phone,gridCode,category,sampleDate,reportDate,arrivalDate,lastExposureDate\n${rows.map((r) => [r.name, r.idNumber, r.phone, r.gridCode, r.category, r.sampleDate ?? '', r.reportDate ?? '', r.arrivalDate ?? '', r.lastExposureDate ?? ''].join(',')).join('\n')}\n`;
      const response = await call('haizhou', 'POST', '/persons/import', csv, { 'content-type': 'text/csv' });
      expect(response.statusCode, response.body).toBe(201);
    } else if (x < 0.92) {
      const n = (serial += 1);
      const contact = { name: '看板密接', idNumber: idNumber(n), phone: phone(n), gridCode: person.gridCode, setting: 'household', date: daysAgo(1) };
      const response = await call(p.cookie, 'POST', `/persons/${p.id}/contacts`, contact);
      expect(response.statusCode, response.body).toBe(201);
      persons.push({ id: response.json().person.id, idNumber: contact.idNumber, cookie: p.cookie });
    } else if (x < 0.97) {
      // A new day: yesterday's follow-ups become "missed", plans step on; sessions idle out overnight.
      t.clock.advance(DAY);
      await signIn();
    } else {
      expect((await t.app.scheduler.run('epidemic.fold-counters')).result).toBe('success');
    }
  }

  const views = async () => ({
    leader: await dashboard('leader'),
    haizhou: await dashboard('haizhou'),
    town: await dashboard('haizhou', `?regionCode=${haizhouGrids[0]!.slice(0, 9)}`),
    lianyun: await dashboard('lianyun'),
    grid: await dashboard('grid'),
  });

  it('keeps its counters equal to a full recount through a random series of writes', async () => {
    const random = rng(engine === 'sqlite' ? 17 : 29);
    for (let round = 0; round < 5; round += 1) {
      for (let i = 0; i < 14; i += 1) await operation(random);
      const kept = await views();
      await rebuildEpidemicCounters(t.db.kysely, t.clock.now());
      expect(await views()).toEqual(kept);
    }
    // The series moved through days, measures and follow-ups: the figures are not all zero.
    const last = await dashboard('haizhou');
    expect(last.totals.managed).toBeGreaterThan(30);
    expect(last.byMeasure.length).toBeGreaterThan(0);
    expect(last.followups.dueToday).toBeGreaterThan(0);
  });

  it('gives the figures that the lists behind them show', async () => {
    const board = await dashboard('haizhou');
    const lists = (await call('haizhou', 'GET', '/followups/today')).json();
    expect(board.followups.dueToday).toBe(lists.due.length);
    expect(board.followups.doneToday).toBe(lists.due.filter((d: { followedUp: boolean }) => d.followedUp).length);
    expect(board.followups.missedYesterday).toBe(lists.missedYesterday.length);
    expect(board.releases.dueToday).toBe(lists.releaseDue.filter((r: { endDate: string | null }) => r.endDate !== null).length);
    for (const { measure, count } of board.byMeasure) expect(count).toBe(lists.due.filter((d: { measure: string }) => d.measure === measure).length);

    const managed = await t.db.kysely.selectFrom('persons').select(['category', 'region_code']).where('status', '=', 'managed').where('region_code', '>=', '320706').where('region_code', '<', '320706~').execute();
    expect(board.totals.managed).toBe(managed.length);
    for (const { category, managed: n } of board.byCategory) expect(n).toBe(managed.filter((p) => p.category === category).length);
    expect(board.byArea.level).toBe('town');
    for (const area of board.byArea.items) expect(area.managed).toBe(managed.filter((p) => p.region_code.startsWith(area.regionCode)).length);
    const registeredToday = await t.db.kysely.selectFrom('persons').select('id').where('region_code', '>=', '320706').where('region_code', '<', '320706~').where('created_at', '>=', `${daysAgo(1)}T16:00:00.000Z`).where('created_at', '<', `${today()}T16:00:00.000Z`).execute();
    expect(board.newPerDay.at(-1)).toEqual({ date: today(), count: registeredToday.length });
    expect(board.newPerDay).toHaveLength(30);
    // The lists the figures open, with the same filters.
    const registeredList = (await call('haizhou', 'GET', `/persons?registeredOn=${today()}&limit=200`)).json();
    expect(registeredList.items).toHaveLength(registeredToday.length);
    const checks = async (query: string) => (await call('haizhou', 'GET', `/travel-checks?day=${today()}${query}&limit=200`)).json().items as Array<{ decision: string; checkDay: string; regionCode: string }>;
    expect(await checks('')).toHaveLength(board.travelChecks.total);
    const denied = await checks('&decision=deny');
    expect(denied).toHaveLength(board.travelChecks.denied);
    expect(denied.every((c) => c.decision === 'deny' && c.checkDay === today() && c.regionCode.startsWith('320706'))).toBe(true);
    expect(board.travelChecks.denied).toBeGreaterThan(0);
  });

  it('counts only the ground: a grid worker sees their grid, a district another district not at all', async () => {
    const grid = await dashboard('grid');
    const own = await t.db.kysely.selectFrom('persons').select('id').where('status', '=', 'managed').where('region_code', '=', haizhouGrids[0]!).execute();
    expect(grid.totals.managed).toBe(own.length);
    expect(grid.regionCode).toBe(haizhouGrids[0]);
    expect(grid.byArea).toEqual({ level: 'community', items: [expect.objectContaining({ regionCode: haizhouGrids[0], managed: own.length })] });

    const [leader, haizhou, lianyun] = [await dashboard('leader'), await dashboard('haizhou'), await dashboard('lianyun')];
    expect(leader.byArea.level).toBe('county');
    expect(leader.byArea.items.map((a: { regionCode: string }) => a.regionCode)).toEqual(expect.arrayContaining(['320703', '320706']));
    expect(leader.totals.managed).toBe(haizhou.totals.managed + lianyun.totals.managed);
    expect(lianyun.byArea.items.every((a: { regionCode: string }) => a.regionCode.startsWith('320703'))).toBe(true);
    // A region outside the ground is not found, as everywhere else.
    expect((await call('lianyun', 'GET', '/epidemic/dashboard?regionCode=320706')).statusCode).toBe(404);
    expect((await call('grid', 'GET', `/epidemic/dashboard?regionCode=${haizhouGrids[1]}`)).statusCode).toBe(404);
  });

  it('shows no person: no name, ID number or phone in any answer', async () => {
    const bodies = await Promise.all((['leader', 'haizhou', 'grid'] as const).map(async (who) => (await call(who, 'GET', '/epidemic/dashboard')).body));
    for (const body of bodies) {
      expect(body).not.toMatch(/\d{17}[\dX]/);
      expect(body).not.toMatch(/1[3-9]\d{9}/);
      for (const p of persons) expect(body).not.toContain(p.idNumber);
    }
  });

  it('refuses a bad query with 400 and needs the read permission', async () => {
    for (const query of ['?regionCode=32', '?regionCode=abc', '?since=2022-01-01']) {
      const response = await call('haizhou', 'GET', `/epidemic/dashboard${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    const auditor = await t.login('auditor');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/epidemic/dashboard', headers: { cookie: auditor } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/epidemic/dashboard' })).statusCode).toBe(401);
  });
});
