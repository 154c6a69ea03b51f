import fs from 'node:fs';
import { creditCodeCheckChar } from '@shoutu/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFile } from '../../../db/database.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';

const HAIZHOU_COMMUNITY = '320706010001';
const HAIZHOU_OTHER_COMMUNITY = '320706001001';
const LIANYUN_COMMUNITY = '320703001001';

/** Well-formed credit codes of this suite's own (organisation code QA…P), apart from the demo register's. */
function creditCode(county: string, n: number): string {
  const first17 = `91${county}QA${String(n).padStart(6, '0')}P`;
  return first17 + creditCodeCheckChar(first17);
}

const valid = creditCode('320706', 999_999);
const wrongCheckCharacter = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');

/** The register (企业档案), its ground, its privacy and the "three musts" (SECURITY.md rows 8, 14, 16, 23). */
describe.each(ENGINES)('enterprise register on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let yingji: string;
  let leader: string;
  let admin: string;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun, yingji, leader, admin] = (await Promise.all(['haizhou', 'lianyun', 'yingji', 'leader', 'admin'].map((u) => t.login(u)))) as [string, string, string, string, string];
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const nextCode = (county = '320706') => creditCode(county, ++serial + (engine === 'sqlite' ? 0 : 500_000));
  const fixture = (overrides: Record<string, unknown> = {}) => ({
    creditCode: nextCode(),
    name: `测试档案企业${serial}有限公司`,
    industryCode: 'C34',
    regionCode: HAIZHOU_COMMUNITY,
    park: '测试工业园',
    scale: 'small',
    hazardousChemicals: false,
    majorHazardSource: false,
    principalName: '欧阳建华',
    principalPhone: '13912345678',
    safetyOfficerName: '张小明',
    safetyOfficerPhone: '+86 138-0518-6677',
    ...overrides,
  });
  const create = async (cookie: string, overrides: Record<string, unknown> = {}) => {
    const response = await call(cookie, 'POST', '/enterprises', fixture(overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; creditCode: string; name: string; version: number; supervisors: Array<{ id: string; name: string }> };
  };
  const countByName = async (name: string) =>
    Number((await t.db.kysely.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).where('name', '=', name).executeTakeFirstOrThrow()).n);
  const listIds = async (cookie: string, query = '') => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await call(cookie, 'GET', `/enterprises?limit=200${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };
  const expectFieldError = (response: LightMyRequestResponse, status: number, field: string, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json().errors).toContainEqual({ field, code, message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
  };

  describe('registering and reading', () => {
    it('registers an enterprise and answers it with its contacts masked', async () => {
      const body = fixture({ name: '测试登记化工有限公司', industryCode: 'c26', creditCode: ` ${nextCode().toLowerCase()} ` });
      const response = await call(haizhou, 'POST', '/enterprises', body);
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json();
      expect(created).toMatchObject({
        creditCode: body.creditCode.trim().toUpperCase(),
        name: '测试登记化工有限公司',
        industryCode: 'C26',
        industryName: '化学原料和化学制品制造业',
        regionCode: HAIZHOU_COMMUNITY,
        park: '测试工业园',
        scale: 'small',
        hazardousChemicals: false,
        majorHazardSource: false,
        principalName: '欧阳**',
        principalPhone: '139****5678',
        safetyOfficerName: '张**',
        safetyOfficerPhone: '138****6677',
        lastInspectedAt: null,
        version: 1,
      });
      const read = await call(leader, 'GET', `/enterprises/${created.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(created);
      for (const text of [response.body, read.body]) {
        expect(text).not.toContain('13912345678');
        expect(text).not.toContain('欧阳建华');
        expect(text).not.toContain('张小明');
        expect(text).not.toContain('5186677');
      }
      const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'enterprise.create').where('object_id', '=', created.id).execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_username).toBe('haizhou');
      expect(audit[0]!.detail).not.toMatch(/1391234|欧阳建华/);
    });

    it('keeps names and phones out of the raw database file: only ciphertext is stored', async () => {
      const phone = '13755501234';
      const created = await create(haizhou, { principalName: '司马长风', principalPhone: phone });
      const row = await t.db.kysely.selectFrom('enterprises').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(row.principal_phone).toMatch(/^v1:/);
      expect(row.principal_name).toMatch(/^v1:/);
      if (engine !== 'sqlite') return;
      const file = sqliteFile(t.db.url);
      const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
      expect(bytes.includes(Buffer.from(created.creditCode))).toBe(true);
      expect(bytes.includes(Buffer.from(phone))).toBe(false);
      expect(bytes.includes(Buffer.from('司马长风'))).toBe(false);
    });

    it('filters by name, exact credit code, region subtree, industry, park and flags', async () => {
      const target = await create(haizhou, { name: '筛选目标精细化工有限公司', industryCode: 'C26', regionCode: HAIZHOU_OTHER_COMMUNITY, park: '筛选专用园区', hazardousChemicals: true, majorHazardSource: true });
      const other = await create(haizhou, { name: '筛选陪衬机械有限公司', industryCode: 'C34', park: '筛选专用园区' });
      const expectations: Array<[string, boolean, boolean]> = [
        [`&q=${encodeURIComponent('筛选目标')}`, true, false],
        [`&q=${target.creditCode.toLowerCase()}`, true, false],
        [`&regionCode=${HAIZHOU_OTHER_COMMUNITY.slice(0, 9)}`, true, false],
        ['&industry=C26', true, false],
        ['&industry=C', true, true],
        [`&park=${encodeURIComponent('筛选专用园区')}&hazardousChemicals=true`, true, false],
        [`&park=${encodeURIComponent('筛选专用园区')}&majorHazardSource=false`, false, true],
        [`&q=${encodeURIComponent('%')}`, false, false],
      ];
      for (const [query, hasTarget, hasOther] of expectations) {
        const ids = await listIds(haizhou, query);
        expect(ids.includes(target.id), query).toBe(hasTarget);
        expect(ids.includes(other.id), query).toBe(hasOther);
      }
    });

    it('pages with a cursor: every enterprise once', async () => {
      for (let i = 0; i < 3; i += 1) await create(haizhou, { name: `翻页测试企业${i}`, park: '翻页园' });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (await call(haizhou, 'GET', `/enterprises?limit=2&park=${encodeURIComponent('翻页园')}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(3);
      expect(new Set(seen).size).toBe(3);
    });

    it('lists the parks of the ground', async () => {
      await create(lianyun, { creditCode: nextCode('320703'), regionCode: LIANYUN_COMMUNITY, park: '连云专属测试园' });
      const parks = (await call(haizhou, 'GET', '/enterprises/parks')).json().items as string[];
      expect(parks).toContain('测试工业园');
      expect(parks).not.toContain('连云专属测试园');
    });
  });

  describe('bad input: 400 problem+json with field errors, nothing written', () => {
    it.each([
      ['an invalid check character', { creditCode: wrongCheckCharacter }, 'creditCode', 'invalid'],
      ['a credit code with a letter outside the alphabet', { creditCode: '91320706SA000001PX' }, 'creditCode', 'invalid'],
      ['an industry code not in GB/T 4754', { industryCode: 'C99' }, 'industryCode', 'unknown_industry'],
      ['a town instead of a community', { regionCode: '320706010' }, 'regionCode', 'not_community'],
      ['a community of another district', { regionCode: LIANYUN_COMMUNITY }, 'regionCode', 'outside_ground'],
      ['a community code that does not exist', { regionCode: '320706010999' }, 'regionCode', 'unknown_region'],
      ['a landline instead of a mobile', { principalPhone: '0518-85551234' }, 'principalPhone', 'invalid'],
      ['an unknown scale', { scale: 'huge' }, 'scale', 'invalid'],
      ['an unknown field', { taxNumber: '1' }, 'taxNumber', 'unknown_field'],
    ])('refuses %s', async (_label, overrides, field, code) => {
      const name = `坏输入企业${++serial}`;
      expectFieldError(await call(haizhou, 'POST', '/enterprises', fixture({ name, ...overrides })), 400, field, code);
      expect(await countByName(name)).toBe(0);
    });

    it('refuses a second enterprise with a registered credit code, also one registered outside the ground', async () => {
      const own = await create(haizhou);
      const foreign = await create(lianyun, { creditCode: nextCode('320703'), regionCode: LIANYUN_COMMUNITY });
      for (const code of [own.creditCode, foreign.creditCode]) {
        const name = `重复代码企业${++serial}`;
        expectFieldError(await call(haizhou, 'POST', '/enterprises', fixture({ creditCode: code, name })), 409, 'creditCode', 'credit_code_registered');
        expect(await countByName(name)).toBe(0);
      }
    });

    it('refuses a supervising department whose region does not cover the enterprise', async () => {
      const units = (await call(yingji, 'GET', '/safety/supervising-units')).json().items as Array<{ id: string; name: string }>;
      const lianyunBureau = units.find((unit) => unit.name.startsWith('连云区应急管理局'))!;
      expectFieldError(await call(haizhou, 'POST', '/enterprises', fixture({ supervisorUnitIds: [lianyunBureau.id] })), 400, 'supervisorUnitIds.0', 'not_a_supervisor');
    });

    it('answers 403 to roles without the permission', async () => {
      expect((await call(leader, 'POST', '/enterprises', fixture())).statusCode).toBe(403);
      expect((await call(admin, 'GET', '/enterprises')).statusCode).toBe(403);
    });
  });

  describe('the ground (守土有责)', () => {
    it("hides another district's enterprises: 404 to read or change, absent from lists and searches", async () => {
      const foreign = await create(lianyun, { creditCode: nextCode('320703'), regionCode: LIANYUN_COMMUNITY, name: '连云辖区内测试企业' });
      expect((await call(haizhou, 'GET', `/enterprises/${foreign.id}`)).statusCode).toBe(404);
      expect((await call(haizhou, 'PATCH', `/enterprises/${foreign.id}`, { version: 1, name: '越权修改' })).statusCode).toBe(404);
      expect(await listIds(haizhou)).not.toContain(foreign.id);
      expect(await listIds(haizhou, `&q=${foreign.creditCode}`)).toEqual([]);
      expect(await listIds(lianyun)).toContain(foreign.id);
      expect(await listIds(leader)).toContain(foreign.id);
      expect((await t.db.kysely.selectFrom('enterprises').select('name').where('id', '=', foreign.id).executeTakeFirstOrThrow()).name).toBe('连云辖区内测试企业');
    });

    it('does not let a district move its enterprise out of its ground', async () => {
      const own = await create(haizhou);
      expectFieldError(await call(haizhou, 'PATCH', `/enterprises/${own.id}`, { version: own.version, regionCode: LIANYUN_COMMUNITY }), 400, 'regionCode', 'outside_ground');
      expect((await call(haizhou, 'GET', `/enterprises/${own.id}`)).json().regionCode).toBe(HAIZHOU_COMMUNITY);
    });
  });

  describe('updates carry the version they read', () => {
    it('changes fields and contacts, answering them masked; 428 without a version, 409 from a stale one', async () => {
      const own = await create(haizhou);
      const missing = await call(haizhou, 'PATCH', `/enterprises/${own.id}`, { name: '无版本' });
      expect(missing.statusCode).toBe(428);
      expect(missing.json().code).toBe('version_required');
      const first = await call(haizhou, 'PATCH', `/enterprises/${own.id}`, { version: 1, name: '改名后的测试企业', safetyOfficerPhone: '15012340000', principalName: null });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ name: '改名后的测试企业', safetyOfficerPhone: '150****0000', principalName: null, principalPhone: '139****5678', version: 2 });
      const stale = await call(haizhou, 'PATCH', `/enterprises/${own.id}`, { version: 1, name: '过期版本的修改' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('version_conflict');
      expect((await call(haizhou, 'GET', `/enterprises/${own.id}`)).json()).toMatchObject({ name: '改名后的测试企业', version: 2 });
      expect(await t.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'enterprise.update').where('object_id', '=', own.id).execute()).toHaveLength(1);
    });

    it('lets one of two concurrent updates from the same version win', async () => {
      const own = await create(haizhou);
      const results = await Promise.all([1, 2].map((n) => call(haizhou, 'PATCH', `/enterprises/${own.id}`, { version: 1, park: `并发园区${n}` })));
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    });
  });

  describe('three musts (三个必须): industry mapping and coverage', () => {
    let cityUnit: string;
    let haizhouUnit: string;

    beforeAll(async () => {
      const unit = async (name: string, regionCode: string) => {
        const response = await call(admin, 'POST', '/units', { name, kind: 'department', regionCode });
        expect(response.statusCode, response.body).toBe(201);
        return response.json().id as string;
      };
      cityUnit = await unit('测试市水利局', '320700');
      haizhouUnit = await unit('测试海州区水利局', '320706');
      const current = (await call(yingji, 'GET', '/safety/industry-supervision')).json();
      const items = [
        ...current.items.map((item: { industryPrefix: string; units: Array<{ id: string }> }) => ({ industryPrefix: item.industryPrefix, unitIds: item.units.map((u) => u.id) })),
        { industryPrefix: 'N', unitIds: [cityUnit] },
        { industryPrefix: 'N77', unitIds: [haizhouUnit] },
      ];
      const put = await call(yingji, 'PUT', '/safety/industry-supervision', { version: current.version, items });
      expect(put.statusCode, put.body).toBe(200);
    });

    it('gives a new enterprise the departments of the longest matching industry prefix that cover its region', async () => {
      const inHaizhou = await create(haizhou, { industryCode: 'N77' });
      expect(inHaizhou.supervisors.map((u) => u.id)).toEqual([haizhouUnit]);
      const otherDivision = await create(haizhou, { industryCode: 'N78' });
      expect(otherDivision.supervisors.map((u) => u.id)).toEqual([cityUnit]);
      const inLianyun = await create(lianyun, { creditCode: nextCode('320703'), regionCode: LIANYUN_COMMUNITY, industryCode: 'N77' });
      expect(inLianyun.supervisors.map((u) => u.id)).toEqual([cityUnit]);
      expect(inLianyun.supervisors[0]!.name).toBe('测试市水利局');
      const chosen = await create(haizhou, { industryCode: 'N77', supervisorUnitIds: [] });
      expect(chosen.supervisors).toEqual([]);
    });

    it('refuses a mapping change from a stale or missing version', async () => {
      const current = (await call(yingji, 'GET', '/safety/industry-supervision')).json();
      expect((await call(yingji, 'PUT', '/safety/industry-supervision', { items: [] })).statusCode).toBe(428);
      expect((await call(yingji, 'PUT', '/safety/industry-supervision', { version: 'stale', items: [] })).statusCode).toBe(409);
      expect((await call(yingji, 'GET', '/safety/industry-supervision')).json()).toEqual(current);
    });

    it("lets a district change only its own departments' links", async () => {
      const current = (await call(haizhou, 'GET', '/safety/industry-supervision')).json();
      const keep = current.items.map((item: { industryPrefix: string; units: Array<{ id: string }> }) => ({ industryPrefix: item.industryPrefix, unitIds: item.units.map((u) => u.id) }));
      const addCity = await call(haizhou, 'PUT', '/safety/industry-supervision', { version: current.version, items: [...keep, { industryPrefix: 'N76', unitIds: [cityUnit] }] });
      expectFieldError(addCity, 400, 'items', 'outside_ground');
      const addOwn = await call(haizhou, 'PUT', '/safety/industry-supervision', { version: current.version, items: [...keep, { industryPrefix: 'N78', unitIds: [haizhouUnit] }] });
      expect(addOwn.statusCode, addOwn.body).toBe(200);
      expect(addOwn.json().items).toContainEqual({ industryPrefix: 'N78', industryName: '公共设施管理业', units: [{ id: haizhouUnit, name: '测试海州区水利局', jurisdictionCode: '320706' }] });
      const audit = await t.db.kysely.selectFrom('audit_log').select('detail').where('action', '=', 'industry_supervision.update').where('actor_username', '=', 'haizhou').execute();
      expect(audit).toHaveLength(1);
    });

    it('counts and lists, per county-level region, the enterprises nobody supervises and those not inspected for N months', async () => {
      type Report = { regions: Array<{ regionCode: string; enterprises: number; unsupervised: number; notInspected: number; unsupervisedItems: Array<{ id: string }>; notInspectedItems: Array<{ id: string }> }> };
      const haizhouRow = (report: Report) => report.regions.find((region) => region.regionCode === '320706')!;
      const before12 = (await call(haizhou, 'GET', '/safety/coverage?months=12&limit=200')).json() as Report;
      const before1 = (await call(haizhou, 'GET', '/safety/coverage?months=1&limit=200')).json() as Report;

      const orphan = await create(haizhou, { industryCode: 'P', supervisorUnitIds: [] });
      const recent = await create(haizhou, { industryCode: 'N77' });
      const stale = await create(haizhou, { industryCode: 'N77' });
      const monthsAgo = (n: number) => new Date(t.clock.now().getTime() - n * 30.5 * 86_400_000).toISOString();
      await t.db.kysely.updateTable('enterprises').set({ last_inspected_at: monthsAgo(2) }).where('id', '=', recent.id).execute();
      await t.db.kysely.updateTable('enterprises').set({ last_inspected_at: monthsAgo(13) }).where('id', '=', stale.id).execute();

      const after12 = (await call(haizhou, 'GET', '/safety/coverage?months=12&limit=200')).json() as Report;
      const after1 = (await call(haizhou, 'GET', '/safety/coverage?months=1&limit=200')).json() as Report;
      expect(after12.regions.map((region) => region.regionCode)).toEqual(['320706']);
      expect(haizhouRow(after12).enterprises - haizhouRow(before12).enterprises).toBe(3);
      expect(haizhouRow(after12).unsupervised - haizhouRow(before12).unsupervised).toBe(1);
      expect(haizhouRow(after12).unsupervisedItems.map((item) => item.id)).toContain(orphan.id);
      expect(haizhouRow(after12).unsupervisedItems.map((item) => item.id)).not.toContain(recent.id);
      // Never inspected (orphan) and 13 months ago (stale) are gaps at 12 months; 2 months ago is a gap only at 1 month.
      expect(haizhouRow(after12).notInspected - haizhouRow(before12).notInspected).toBe(2);
      expect(haizhouRow(after12).notInspectedItems.map((item) => item.id)).toEqual(expect.arrayContaining([orphan.id, stale.id]));
      expect(haizhouRow(after12).notInspectedItems.map((item) => item.id)).not.toContain(recent.id);
      expect(haizhouRow(after1).notInspected - haizhouRow(before1).notInspected).toBe(3);

      const city = (await call(leader, 'GET', '/safety/coverage?limit=0')).json() as Report & { totals: { enterprises: number } };
      expect(city.regions.length).toBeGreaterThan(1);
      expect(city.regions.every((region) => region.unsupervisedItems.length === 0)).toBe(true);
      expect(city.totals.enterprises).toBe(city.regions.reduce((sum, region) => sum + region.enterprises, 0));
    });
  });
});
