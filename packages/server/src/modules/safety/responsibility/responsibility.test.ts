import { SHIPPED_DUTY_TEMPLATES } from '@shoutu/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';
import { EnterprisesRepository } from '../enterprises/enterprises.repository.js';

const HAIZHOU_TOWN = '320706010';
const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;

interface DutyListBody {
  id: string;
  regionCode: string;
  unitName: string;
  post: string;
  principle: string;
  templateId: string;
  items: Array<{ text: string; basis: string | null }>;
  version: number;
}

interface LetterBody {
  id: string;
  regionCode: string;
  unitName: string;
  status: string;
  signedOn: string | null;
  signerName: string | null;
  version: number;
}

/** The responsibility system through the API: templates, duty lists, letters, region leaders and the chain. */
describe.each(ENGINES)('the responsibility system on %s', (engine) => {
  let t: TestApp;
  let yingji: string;
  let haizhou: string;
  let lianyun: string;
  let leader: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [yingji, haizhou, lianyun, leader] = (await Promise.all(['yingji', 'haizhou', 'lianyun', 'leader'].map((u) => t.login(u)))) as [string, string, string, string];
  });
  afterAll(() => t.close());

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const ok = async <T>(response: Promise<LightMyRequestResponse>, status = 200): Promise<T> => {
    const answer = await response;
    expect(answer.statusCode, answer.body).toBe(status);
    return answer.json() as T;
  };
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json() as { code: string; message: { 'zh-CN': string; en: string }; errors?: Array<{ field: string; code: string }> };
    expect(body.code).toBe(code);
    expect(body.message['zh-CN'].length).toBeGreaterThan(0);
    return body;
  };
  const count = async (table: 'duty_lists' | 'duty_templates' | 'responsibility_letters' | 'region_leaders') =>
    Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const auditCount = async () => Number((await t.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const demoEnterprise = async (name: string) => (await new EnterprisesRepository(t.db.kysely).list({ nameContains: name }, { limit: 1 }))[0]!;

  describe('templates and duty lists', () => {
    it('ships the seven templates and lists the city’s own after them', async () => {
      const { items } = await ok<{ items: Array<{ id: string; post: string; principle: string; shipped: boolean; edited: boolean; version: number; items: Array<{ verify: boolean }> }> }>(call(haizhou, 'GET', '/safety/duty-templates'));
      expect(items.slice(0, SHIPPED_DUTY_TEMPLATES.length).map((template) => template.id)).toEqual(SHIPPED_DUTY_TEMPLATES.map((template) => template.code));
      expect(items.find((template) => template.id === 'party_secretary')).toMatchObject({ principle: 'party_government_same_duty', shipped: true, edited: false, version: 1 });
      expect(items.find((template) => template.id === 'party_secretary')!.items.every((item) => item.verify)).toBe(true);
      expect(items.some((template) => !template.shipped && template.post === '化工园区管委会主任')).toBe(true);
    });

    it('makes a unit’s duty list from a template, and keeps it when the template is edited later', async () => {
      const list = await ok<DutyListBody>(call(haizhou, 'POST', '/safety/duty-lists', { templateId: 'government_head', unitKind: 'government', unitName: '测试街道办事处', regionCode: HAIZHOU_TOWN }), 201);
      const shipped = SHIPPED_DUTY_TEMPLATES.find((template) => template.code === 'government_head')!;
      expect(list).toMatchObject({ regionCode: HAIZHOU_TOWN, unitName: '测试街道办事处', post: shipped.post['zh-CN'], principle: 'party_government_same_duty', templateId: 'government_head', version: 1 });
      expect(list.items).toEqual(shipped.items.map((item) => ({ text: item['zh-CN'], basis: item.basis })));

      const template = await ok<{ items: Array<{ text: string; basis: string | null }> }>(call(yingji, 'GET', '/safety/duty-templates/government_head'));
      const edited = await ok<{ version: number; edited: boolean; items: Array<{ text: string }> }>(
        call(yingji, 'PATCH', '/safety/duty-templates/government_head', { version: 1, items: [...template.items, { text: '每季度听取一次安全生产工作汇报', basis: null }] }),
      );
      expect(edited).toMatchObject({ version: 2, edited: true });
      expect(edited.items.at(-1)!.text).toBe('每季度听取一次安全生产工作汇报');
      expect((await ok<DutyListBody>(call(haizhou, 'GET', `/safety/duty-lists/${list.id}`))).items).toEqual(list.items);

      const later = await ok<DutyListBody>(call(haizhou, 'POST', '/safety/duty-lists', { templateId: 'government_head', unitKind: 'government', unitName: '另一测试街道办事处', regionCode: HAIZHOU_TOWN }), 201);
      expect(later.items.at(-1)!.text).toBe('每季度听取一次安全生产工作汇报');
      // Someone else's first edit of a shipped template wins; a second one from version 1 is stale.
      expectProblem(await call(yingji, 'PATCH', '/safety/duty-templates/government_head', { version: 1, name: '迟到的修改' }), 409, 'version_conflict');
    });

    it('lets only a city-level ground edit templates', async () => {
      expectProblem(await call(haizhou, 'PATCH', '/safety/duty-templates/post_worker', { version: 1, name: '区里改的模板' }), 403, 'duty_templates_city_only');
      expectProblem(await call(haizhou, 'POST', '/safety/duty-templates', { name: '区模板', post: '网格员', principle: 'all_staff_post', unitKinds: ['other'], items: [{ text: '巡查网格内隐患' }] }), 403, 'duty_templates_city_only');
    });

    it('edits a list over the version read: 428 without it, 409 when stale', async () => {
      const list = await ok<DutyListBody>(call(haizhou, 'POST', '/safety/duty-lists', { templateId: 'post_worker', unitKind: 'other', unitName: '测试网格工作站', regionCode: HAIZHOU_TOWN }), 201);
      const items = [...list.items, { text: '每日巡查网格内有限空间作业点', basis: null }];
      expectProblem(await call(haizhou, 'PATCH', `/safety/duty-lists/${list.id}`, { items }), 428, 'version_required');
      const edited = await ok<DutyListBody>(call(haizhou, 'PATCH', `/safety/duty-lists/${list.id}`, { version: 1, items }));
      expect(edited).toMatchObject({ version: 2 });
      expect(edited.items).toHaveLength(list.items.length + 1);
      expectProblem(await call(haizhou, 'PATCH', `/safety/duty-lists/${list.id}`, { version: 1, post: '网格长' }), 409, 'version_conflict');
      expect((await ok<DutyListBody>(call(haizhou, 'GET', `/safety/duty-lists/${list.id}`))).post).toBe(list.post);
    });

    it('refuses bad input with 400 and writes nothing', async () => {
      const before = { lists: await count('duty_lists'), audit: await auditCount() };
      const unknown = expectProblem(await call(haizhou, 'POST', '/safety/duty-lists', { templateId: 'no_such_template', unitKind: 'government', unitName: '测试单位', regionCode: HAIZHOU_TOWN }), 400, 'validation_failed');
      expect(unknown.errors).toContainEqual(expect.objectContaining({ field: 'templateId', code: 'unknown_template' }));
      const outside = expectProblem(await call(haizhou, 'POST', '/safety/duty-lists', { templateId: 'party_secretary', unitKind: 'party_committee', unitName: '中共连云区委', regionCode: '320703' }), 400, 'validation_failed');
      expect(outside.errors).toContainEqual(expect.objectContaining({ field: 'regionCode', code: 'outside_ground' }));
      expectProblem(await call(haizhou, 'POST', '/safety/duty-lists', { templateId: 'party_secretary', unitKind: 'party_committee', unitName: '测试', regionCode: HAIZHOU_TOWN, extra: 1 }), 400, 'validation_failed');
      const list = (await ok<{ items: DutyListBody[] }>(call(haizhou, 'GET', '/safety/duty-lists?regionCode=320706'))).items[0]!;
      const duplicate = expectProblem(await call(haizhou, 'PATCH', `/safety/duty-lists/${list.id}`, { version: list.version, items: [{ text: '落实责任' }, { text: '落实责任' }] }), 400, 'validation_failed');
      expect(duplicate.errors).toContainEqual(expect.objectContaining({ field: 'items/1/text', code: 'duplicate_duty' }));
      expect(await count('duty_lists')).toBe(before.lists);
      expect(await auditCount()).toBe(before.audit);
      expect((await ok<DutyListBody>(call(haizhou, 'GET', `/safety/duty-lists/${list.id}`))).version).toBe(list.version);
    });

    it('keeps one list per post of a unit', async () => {
      const body = { templateId: 'party_secretary', unitKind: 'party_committee', unitName: '测试党工委', regionCode: HAIZHOU_TOWN };
      await ok(call(haizhou, 'POST', '/safety/duty-lists', body), 201);
      expectProblem(await call(haizhou, 'POST', '/safety/duty-lists', body), 409, 'conflict');
    });

    it('shows a district officer only the lists of their district', async () => {
      const { items } = await ok<{ items: DutyListBody[] }>(call(lianyun, 'GET', '/safety/duty-lists?limit=200'));
      expect(items.every((item) => item.regionCode.startsWith('320703'))).toBe(true);
      const haizhouList = (await ok<{ items: DutyListBody[] }>(call(haizhou, 'GET', '/safety/duty-lists?regionCode=320706'))).items[0]!;
      expectProblem(await call(lianyun, 'GET', `/safety/duty-lists/${haizhouList.id}`), 404, 'not_found');
      const cityLists = (await ok<{ items: DutyListBody[] }>(call(leader, 'GET', '/safety/duty-lists?regionCode=320700&limit=200'))).items;
      expect(cityLists.some((item) => item.regionCode === '320700' && item.post === '党委书记')).toBe(true);
    });
  });

  describe('responsibility letters', () => {
    const unsignedNames = async (cookie: string) => (await ok<{ items: LetterBody[] }>(call(cookie, 'GET', '/safety/responsibility-letters?status=unsigned&limit=200'))).items.map((letter) => letter.unitName);

    it("lists the units that have not signed this year's letter, each officer only in their ground", async () => {
      const all = await unsignedNames(leader);
      expect(all).toEqual(expect.arrayContaining(['灌南县人民政府（演示）', '赣榆区人民政府（演示）', '市交通运输局（演示）']));
      expect(all.some((name) => name.startsWith('连云港市海州区人民政府'))).toBe(false);
      const summary = await ok<{ year: number; total: number; signed: number; pending: number; returned: number; signedRate: number }>(call(leader, 'GET', '/safety/responsibility-letters/summary'));
      expect(summary.year).toBe(2026);
      expect(summary.pending + summary.returned).toBe(all.length);
      expect(summary.signed).toBe(summary.total - all.length);
      expect(summary.returned).toBe(1);
      const haizhouUnsigned = (await ok<{ items: LetterBody[] }>(call(haizhou, 'GET', '/safety/responsibility-letters?status=unsigned&limit=200'))).items;
      expect(haizhouUnsigned.length).toBeGreaterThan(0);
      expect(haizhouUnsigned.every((letter) => letter.regionCode.startsWith('320706'))).toBe(true);
    });

    it('records the signing with the day and the signer, shown masked, and the unit leaves the unsigned list', async () => {
      const letter = await ok<LetterBody>(call(haizhou, 'POST', '/safety/responsibility-letters', { year: 2026, unitKind: 'government', unitName: '测试签订街道办事处', regionCode: HAIZHOU_TOWN, issuer: '连云港市海州区人民政府' }), 201);
      expect(letter).toMatchObject({ status: 'pending', signedOn: null, version: 1 });
      expect(await unsignedNames(haizhou)).toContain('测试签订街道办事处');
      const signed = await ok<LetterBody>(call(haizhou, 'PATCH', `/safety/responsibility-letters/${letter.id}`, { version: 1, status: 'signed', signedOn: '2026-01-04', signer: '欧阳明' }));
      expect(signed).toMatchObject({ status: 'signed', signedOn: '2026-01-04', signerName: '欧阳*', version: 2 });
      expect(await unsignedNames(haizhou)).not.toContain('测试签订街道办事处');
      expectProblem(await call(haizhou, 'PATCH', `/safety/responsibility-letters/${letter.id}`, { version: 2, status: 'returned', reason: '重签' }), 422, 'letter_already_signed');
    });

    it('refuses a signing day in the future, a missing signer and a stale version, changing nothing', async () => {
      const letter = await ok<LetterBody>(call(haizhou, 'POST', '/safety/responsibility-letters', { year: 2026, unitKind: 'government', unitName: '测试待签街道办事处', regionCode: HAIZHOU_TOWN, issuer: '连云港市海州区人民政府' }), 201);
      const before = await auditCount();
      const future = expectProblem(await call(haizhou, 'PATCH', `/safety/responsibility-letters/${letter.id}`, { version: 1, status: 'signed', signedOn: '2026-01-06', signer: '王五' }), 400, 'validation_failed');
      expect(future.errors).toContainEqual(expect.objectContaining({ field: 'signedOn', code: 'in_future' }));
      const noSigner = expectProblem(await call(haizhou, 'PATCH', `/safety/responsibility-letters/${letter.id}`, { version: 1, status: 'signed', signedOn: '2026-01-04' }), 400, 'validation_failed');
      expect(noSigner.errors).toContainEqual(expect.objectContaining({ field: 'signer', code: 'required' }));
      await ok(call(haizhou, 'PATCH', `/safety/responsibility-letters/${letter.id}`, { version: 1, status: 'returned', reason: '目标需调整' }));
      expectProblem(await call(haizhou, 'PATCH', `/safety/responsibility-letters/${letter.id}`, { version: 1, status: 'signed', signedOn: '2026-01-04', signer: '王五' }), 409, 'version_conflict');
      expect(await auditCount()).toBe(before + 1);
      expect((await ok<LetterBody>(call(haizhou, 'GET', `/safety/responsibility-letters/${letter.id}`))).status).toBe('returned');
    });

    it('issues one letter a year per unit', async () => {
      const enterprise = await demoEnterprise('海州演示燃气有限公司');
      expectProblem(await call(haizhou, 'POST', '/safety/responsibility-letters', { year: 2026, unitKind: 'enterprise', unitId: enterprise.id, issuer: '连云港市海州区人民政府' }), 409, 'conflict');
      await ok(call(haizhou, 'POST', '/safety/responsibility-letters', { year: 2027, unitKind: 'enterprise', unitId: enterprise.id, issuer: '连云港市海州区人民政府' }), 201);
    });
  });

  describe('region leaders and the chain of an enterprise', () => {
    it('stores a leader’s phone encrypted and answers it masked', async () => {
      const leaderRow = await ok<{ id: string; name: string; phone: string; templateId: string }>(
        call(haizhou, 'POST', '/safety/region-leaders', { regionCode: HAIZHOU_TOWN, postKind: 'deputy_safety', postTitle: '分管安全生产副主任', name: '测试副主任', phone: '13912345678' }),
        201,
      );
      expect(leaderRow).toMatchObject({ name: '测试副主任', phone: '139****5678', templateId: 'deputy_in_charge' });
      const raw = await t.db.kysely.selectFrom('region_leaders').select('phone').where('id', '=', leaderRow.id).executeTakeFirstOrThrow();
      expect(raw.phone).not.toContain('13912345678');
      expect(raw.phone).not.toContain('5678');
    });

    it('refuses a phone that is not a mobile number, writing nothing', async () => {
      const before = await count('region_leaders');
      const bad = expectProblem(await call(haizhou, 'POST', '/safety/region-leaders', { regionCode: HAIZHOU_TOWN, postKind: 'deputy_other', postTitle: '副主任', name: '测试', phone: '12345' }), 400, 'validation_failed');
      expect(bad.errors).toContainEqual(expect.objectContaining({ field: 'phone', code: 'invalid' }));
      expect(await count('region_leaders')).toBe(before);
    });

    it('names the supervising department, the leaders from the community up to the city, and the enterprise’s own persons', async () => {
      const enterprise = await demoEnterprise('海州演示燃气有限公司');
      const chain = await ok<{
        enterpriseName: string;
        supervisors: Array<{ name: string }>;
        regions: Array<{ regionCode: string; level: string; leaders: Array<{ postKind: string; postTitle: string; name: string; phone: string | null }> }>;
        enterprise: { principalName: string | null; principalPhone: string | null };
        letter: { status: string } | null;
        dutyLists: Array<{ post: string }>;
      }>(call(haizhou, 'GET', `/enterprises/${enterprise.id}/responsibility-chain`));
      expect(chain.enterpriseName).toBe('海州演示燃气有限公司');
      expect(chain.supervisors.map((unit) => unit.name)).toContain('市住房和城乡建设局（演示）');
      expect(chain.regions.map((region) => region.level)).toEqual(['community', 'town', 'county', 'city']);
      expect(chain.regions.map((region) => region.regionCode)).toEqual([enterprise.region_code, enterprise.region_code.slice(0, 9), '320706', '320700']);
      // The city's leaders lie outside a district officer's ground, yet they are part of the chain.
      expect(chain.regions[3]!.leaders.map((l) => l.postTitle)).toEqual(['市委书记', '市长', '分管安全生产副市长']);
      expect(chain.regions[2]!.leaders.find((l) => l.postKind === 'deputy_safety')!.name).toBe('郑国强（演示）');
      for (const region of chain.regions) for (const l of region.leaders) expect(l.phone).toMatch(MASKED_PHONE);
      expect(chain.enterprise.principalPhone).toMatch(MASKED_PHONE);
      expect(chain.enterprise.principalName).toMatch(/\*/);
      expect(chain.letter).toMatchObject({ status: 'signed' });
      expect(chain.dutyLists.map((list) => list.post)).toEqual(expect.arrayContaining(['企业主要负责人', '安全管理人员', '岗位员工']));
    });

    it('answers nothing about an enterprise outside the ground, and lists no foreign leaders', async () => {
      const enterprise = await demoEnterprise('海州演示燃气有限公司');
      expectProblem(await call(lianyun, 'GET', `/enterprises/${enterprise.id}/responsibility-chain`), 404, 'not_found');
      const { items } = await ok<{ items: Array<{ id: string; regionCode: string }> }>(call(lianyun, 'GET', '/safety/region-leaders?limit=200'));
      expect(items.every((item) => item.regionCode.startsWith('320703'))).toBe(true);
      const city = (await ok<{ items: Array<{ id: string; regionCode: string }> }>(call(leader, 'GET', '/safety/region-leaders?limit=200'))).items.filter((l) => l.regionCode === '320700');
      expect(city).toHaveLength(3);
      expectProblem(await call(haizhou, 'GET', `/safety/region-leaders/${city[0]!.id}`), 404, 'not_found');
    });
  });
});
