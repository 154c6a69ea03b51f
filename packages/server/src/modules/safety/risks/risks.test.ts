import { randomUUID } from 'node:crypto';
import { assessLec, assessLs, creditCodeCheckChar, DEFAULT_RISK_THRESHOLDS, RISK_LEVELS, type RiskLevel, type RiskThresholds } from '@shoutu/domain';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnterprisesRepository } from '../enterprises/enterprises.repository.js';
import { createTestApp, ENGINES, type TestApp } from '../../../test-support/harness.js';

const HAIZHOU_COMMUNITY = '320706010001';
const HAIZHOU_OTHER_TOWN_COMMUNITY = '320706001001';
const LIANYUN_COMMUNITY = '320703001001';

interface RiskPointBody {
  id: string;
  enterpriseId: string;
  method: string;
  score: number;
  level: RiskLevel;
  thresholdsSource: string;
  responsiblePerson: string | null;
  version: number;
  retiredAt: string | null;
  assessments: Array<{ level: RiskLevel; score: number; method: string; thresholds: RiskThresholds; assessedByName: string | null }>;
}

/** Risk graded control: LS / LEC levels computed by the domain, the level history and the four-colour overview. */
describe.each(ENGINES)('risk graded control on %s', (engine) => {
  let t: TestApp;
  let haizhou: string;
  let lianyun: string;
  let yingji: string;
  let enterpriseId: string;
  let otherTownEnterpriseId: string;
  let serial = 0;

  const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** Fixtures go straight through the register's repository: these tests are about risk points, not registration. */
  async function createEnterprise(regionCode: string): Promise<string> {
    const first17 = `91${regionCode.slice(0, 6)}RK${String(++serial).padStart(6, '0')}P`;
    const at = t.clock.now().toISOString();
    const id = randomUUID();
    await new EnterprisesRepository(t.db.kysely).insertNew([
      { id, credit_code: first17 + creditCodeCheckChar(first17), name: `风险测试企业${serial}有限公司`, industry_code: 'C26', industry_name: '化学原料和化学制品制造业', region_code: regionCode, park: null, scale: 'medium', hazardous_chemicals: 1, major_hazard_source: 0, principal_name: null, principal_phone: null, safety_officer_name: null, safety_officer_phone: null, last_inspected_at: null, created_at: at, updated_at: at, version: 1 },
    ]);
    return id;
  }

  const point = (assessment: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
    enterpriseId,
    place: '液氨储罐区',
    hazardFactors: '液氨泄漏；储罐超压',
    accidentTypes: ['poisoning_or_asphyxiation', 'vessel_explosion'],
    controlMeasures: '设置氨气检测报警；定期检验安全阀；应急演练',
    responsiblePerson: '欧阳建华',
    assessment,
    ...overrides,
  });
  const create = async (cookie: string, assessment: Record<string, unknown>, overrides: Record<string, unknown> = {}): Promise<RiskPointBody> => {
    const response = await call(cookie, 'POST', '/risk-points', point(assessment, overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const expectProblem = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body.code).toBe(code);
    return body as { errors?: Array<{ field: string; code: string }> };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    [haizhou, lianyun, yingji] = (await Promise.all(['haizhou', 'lianyun', 'yingji'].map((u) => t.login(u)))) as [string, string, string];
    enterpriseId = await createEnterprise(HAIZHOU_COMMUNITY);
    otherTownEnterpriseId = await createEnterprise(HAIZHOU_OTHER_TOWN_COMMUNITY);
  });
  afterAll(() => t.close());

  describe('assessment', () => {
    const lsCases: Array<[number, number]> = [[4, 5], [5, 4], [3, 5], [3, 3], [2, 4], [1, 1]];
    it.each(lsCases)('grades LS likelihood %i × severity %i as the domain does', async (likelihood, severity) => {
      const created = await create(haizhou, { method: 'LS', likelihood, severity });
      const expected = assessLs({ likelihood, severity }, DEFAULT_RISK_THRESHOLDS);
      expect(created).toMatchObject({ method: 'LS', score: expected.score, level: expected.level, thresholdsSource: DEFAULT_RISK_THRESHOLDS.source });
    });

    const lecCases: Array<[number, number, number]> = [[10, 6, 7], [6, 6, 7], [3, 6, 7], [3, 3, 7], [1, 6, 15], [0.1, 3, 1]];
    it.each(lecCases)('grades LEC L %d × E %d × C %d as the domain does', async (l, e, c) => {
      const created = await create(haizhou, { method: 'LEC', l, e, c });
      const expected = assessLec({ l, e, c }, DEFAULT_RISK_THRESHOLDS);
      expect(created).toMatchObject({ method: 'LEC', score: expected.score, level: expected.level });
    });

    it('covers all four colours in the cases above', () => {
      const levels = new Set([...lsCases.map(([l, s]) => assessLs({ likelihood: l, severity: s }).level), ...lecCases.map(([l, e, c]) => assessLec({ l, e, c }).level)]);
      expect([...levels].sort()).toEqual([...RISK_LEVELS].sort());
    });

    it('masks the responsible person and keeps the accident types', async () => {
      const created = await create(haizhou, { method: 'LS', likelihood: 2, severity: 2 });
      expect(created.responsiblePerson).toBe('欧阳**');
      expect(JSON.stringify(created)).not.toContain('欧阳建华');
      expect((created as unknown as { accidentTypes: string[] }).accidentTypes).toEqual(['poisoning_or_asphyxiation', 'vessel_explosion']);
    });

    it('refuses inputs off the scales, a missing factor, another method’s factor and unknown accident types, writing nothing', async () => {
      const before = (await t.db.kysely.selectFrom('risk_points').select('id').execute()).length;
      const cases: Array<[Record<string, unknown>, Record<string, unknown>, string, string]> = [
        [{ method: 'LEC', l: 4, e: 6, c: 7 }, {}, 'assessment.l', 'out_of_range'],
        [{ method: 'LS', likelihood: 6, severity: 2 }, {}, 'assessment.likelihood', 'out_of_range'],
        [{ method: 'LS', likelihood: 3 }, {}, 'assessment.severity', 'required'],
        [{ method: 'LS', likelihood: 3, severity: 3, c: 7 }, {}, 'assessment.c', 'unknown_field'],
        [{ method: 'LS', likelihood: 3, severity: 3 }, { accidentTypes: ['fire', 'earthquake'] }, 'accidentTypes.1', 'unknown_accident_type'],
        [{ method: 'LS', likelihood: 3, severity: 3 }, { place: '   ' }, 'place', 'required'],
      ];
      for (const [assessment, overrides, field, code] of cases) {
        const problem = expectProblem(await call(haizhou, 'POST', '/risk-points', point(assessment, overrides)), 400, 'validation_failed');
        expect(problem.errors, field).toContainEqual(expect.objectContaining({ field, code }));
      }
      expect((await t.db.kysely.selectFrom('risk_points').select('id').execute()).length).toBe(before);
    });
  });

  describe('history and changes', () => {
    it('keeps every assessment: a re-assessment sets the new level and the old one stays in the history', async () => {
      const created = await create(haizhou, { method: 'LS', likelihood: 2, severity: 2 });
      t.clock.advance(60_000);
      const response = await call(haizhou, 'POST', `/risk-points/${created.id}/assessments`, { version: created.version, method: 'LEC', l: 6, e: 6, c: 15, note: '工艺变更后重新评估' });
      expect(response.statusCode, response.body).toBe(201);
      const reassessed = response.json() as RiskPointBody;
      expect(reassessed).toMatchObject({ level: 'red', score: 540, method: 'LEC', version: 2 });
      expect(reassessed.assessments.map((a) => [a.method, a.score, a.level])).toEqual([
        ['LEC', 540, 'red'],
        ['LS', 4, 'blue'],
      ]);
      expect(reassessed.assessments[0]!.thresholds).toEqual(DEFAULT_RISK_THRESHOLDS);
      expect(reassessed.assessments[0]!.assessedByName).toBe('演示·海州区干部');
      expectProblem(await call(haizhou, 'POST', `/risk-points/${created.id}/assessments`, { version: 1, method: 'LS', likelihood: 1, severity: 1 }), 409, 'version_conflict');
      expectProblem(await call(haizhou, 'POST', `/risk-points/${created.id}/assessments`, { method: 'LS', likelihood: 1, severity: 1 }), 428, 'version_required');
    });

    it('changes the description over the version read, and retires a point out of lists while keeping its history', async () => {
      const created = await create(haizhou, { method: 'LS', likelihood: 3, severity: 4 });
      const patched = await call(haizhou, 'PATCH', `/risk-points/${created.id}`, { version: 1, controlMeasures: '增设紧急切断阀', responsiblePerson: null });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ controlMeasures: '增设紧急切断阀', responsiblePerson: null, version: 2, level: created.level });
      expectProblem(await call(haizhou, 'PATCH', `/risk-points/${created.id}`, { version: 1, place: '旧版本' }), 409, 'version_conflict');
      expectProblem(await call(haizhou, 'DELETE', `/risk-points/${created.id}`), 428, 'version_required');
      expect((await call(haizhou, 'DELETE', `/risk-points/${created.id}?version=2`)).statusCode).toBe(204);
      const list = (await call(haizhou, 'GET', `/risk-points?limit=200&enterpriseId=${enterpriseId}`)).json() as { items: Array<{ id: string }> };
      expect(list.items.map((i) => i.id)).not.toContain(created.id);
      const retired = (await call(haizhou, 'GET', `/risk-points/${created.id}`)).json() as RiskPointBody;
      expect(retired.retiredAt).toBe(t.clock.now().toISOString());
      expect(retired.assessments).toHaveLength(1);
      expectProblem(await call(haizhou, 'POST', `/risk-points/${created.id}/assessments`, { version: 3, method: 'LS', likelihood: 1, severity: 1 }), 404, 'not_found');
    });
  });

  describe('ground', () => {
    it('gives a district officer of another district 404 on the point and every write to it, and none of it in lists and overviews', async () => {
      const created = await create(haizhou, { method: 'LS', likelihood: 4, severity: 5 });
      expectProblem(await call(lianyun, 'GET', `/risk-points/${created.id}`), 404, 'not_found');
      expectProblem(await call(lianyun, 'PATCH', `/risk-points/${created.id}`, { version: 1, place: '越界' }), 404, 'not_found');
      expectProblem(await call(lianyun, 'POST', `/risk-points/${created.id}/assessments`, { version: 1, method: 'LS', likelihood: 1, severity: 1 }), 404, 'not_found');
      expectProblem(await call(lianyun, 'DELETE', `/risk-points/${created.id}?version=1`), 404, 'not_found');
      const outside = expectProblem(await call(lianyun, 'POST', '/risk-points', point({ method: 'LS', likelihood: 1, severity: 1 })), 400, 'validation_failed');
      expect(outside.errors).toContainEqual(expect.objectContaining({ field: 'enterpriseId', code: 'invalid' }));

      const list = (await call(lianyun, 'GET', '/risk-points?limit=200')).json() as { items: Array<{ id: string; regionCode: string }> };
      expect(list.items.every((i) => i.regionCode.startsWith('320703'))).toBe(true);
      const overview = (await call(lianyun, 'GET', '/safety/risk-overview?regionCode=320706')).json();
      expect(overview).toEqual({ regionCode: '320706', total: { red: 0, orange: 0, yellow: 0, blue: 0 }, children: [], enterprises: [] });
    });
  });

  describe('four-colour overview', () => {
    it('counts levels per child region and per enterprise as the rows say', async () => {
      await create(haizhou, { method: 'LS', likelihood: 5, severity: 5 }, { enterpriseId: otherTownEnterpriseId });
      await create(haizhou, { method: 'LS', likelihood: 1, severity: 2 }, { enterpriseId: otherTownEnterpriseId });
      const rows = await t.db.kysely.selectFrom('risk_points').select(['region_code', 'level', 'enterprise_id']).where('region_code', '>=', '320706').where('region_code', '<', '320706~').where('retired_at', 'is', null).execute();
      const empty = () => ({ red: 0, orange: 0, yellow: 0, blue: 0 });
      const byTown = new Map<string, ReturnType<typeof empty>>();
      const byEnterprise = new Map<string, ReturnType<typeof empty>>();
      const total = empty();
      for (const row of rows) {
        const town = byTown.get(row.region_code.slice(0, 9)) ?? empty();
        town[row.level] += 1;
        byTown.set(row.region_code.slice(0, 9), town);
        const enterprise = byEnterprise.get(row.enterprise_id) ?? empty();
        enterprise[row.level] += 1;
        byEnterprise.set(row.enterprise_id, enterprise);
        total[row.level] += 1;
      }
      const response = await call(haizhou, 'GET', '/safety/risk-overview');
      expect(response.statusCode, response.body).toBe(200);
      const overview = response.json() as { regionCode: string; total: ReturnType<typeof empty>; children: Array<{ regionCode: string; name: string } & ReturnType<typeof empty>>; enterprises: Array<{ enterpriseId: string; name: string } & ReturnType<typeof empty>> };
      expect(overview.regionCode).toBe('320706');
      expect(overview.total).toEqual(total);
      for (const { regionCode, name: _name, ...counts } of overview.children) expect(counts, regionCode).toEqual(byTown.get(regionCode) ?? empty());
      expect(overview.children.length).toBeGreaterThan(5);
      for (const { enterpriseId: id, name: _name, ...counts } of overview.enterprises) expect(counts).toEqual(byEnterprise.get(id));
      // Ranked by red, then orange points; an enterprise with neither is not ranked, and none left out outranks the last one in.
      const key = (c: ReturnType<typeof empty>) => c.red * 100_000 + c.orange;
      const ranked = overview.enterprises.map(key);
      expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
      expect(ranked.every((k) => k > 0)).toBe(true);
      const listed = new Set(overview.enterprises.map((e) => e.enterpriseId));
      const outside = [...byEnterprise].filter(([id]) => !listed.has(id)).map(([, c]) => key(c));
      expect(Math.max(0, ...outside)).toBeLessThanOrEqual(overview.enterprises.length === 20 ? ranked.at(-1)! : 0);

      const one = (await call(haizhou, 'GET', `/safety/risk-overview?regionCode=320706&enterpriseId=${otherTownEnterpriseId}`)).json();
      expect(one.total).toEqual(byEnterprise.get(otherTownEnterpriseId));
      const town = (await call(haizhou, 'GET', `/safety/risk-overview?regionCode=${HAIZHOU_OTHER_TOWN_COMMUNITY.slice(0, 9)}`)).json() as { children: Array<{ regionCode: string }> };
      expect(town.children.every((c) => c.regionCode.length === 12)).toBe(true);
    });
  });

  describe('risk bands', () => {
    it('answers the documented defaults until a city sets its own, with its source, over the version read', async () => {
      expect((await call(haizhou, 'GET', '/safety/risk-thresholds')).json()).toEqual({ regionCode: null, ...DEFAULT_RISK_THRESHOLDS, version: 0 });
      const bands = { source: '某省风险分级管控实施指南（测试）', lec: { red: 400, orange: 200, yellow: 100 }, ls: { red: 16, orange: 12, yellow: 6 } };
      const outside = expectProblem(await call(haizhou, 'PUT', '/safety/risk-thresholds', { regionCode: '320700', version: 0, ...bands }), 400, 'validation_failed');
      expect(outside.errors).toContainEqual(expect.objectContaining({ field: 'regionCode', code: 'outside_ground' }));
      const district = expectProblem(await call(yingji, 'PUT', '/safety/risk-thresholds', { regionCode: '320706', version: 0, ...bands }), 400, 'validation_failed');
      expect(district.errors).toContainEqual(expect.objectContaining({ field: 'regionCode', code: 'not_city_or_province' }));
      const upside = expectProblem(await call(yingji, 'PUT', '/safety/risk-thresholds', { regionCode: '320700', version: 0, ...bands, ls: { red: 6, orange: 12, yellow: 16 } }), 400, 'validation_failed');
      expect(upside.errors).toContainEqual(expect.objectContaining({ field: 'ls', code: 'thresholds_not_descending' }));
      expectProblem(await call(yingji, 'PUT', '/safety/risk-thresholds', { regionCode: '320700', ...bands }), 428, 'version_required');

      const saved = await call(yingji, 'PUT', '/safety/risk-thresholds', { regionCode: '320700', version: 0, ...bands });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ regionCode: '320700', ...bands, version: 1 });
      expectProblem(await call(yingji, 'PUT', '/safety/risk-thresholds', { regionCode: '320700', version: 0, ...bands }), 409, 'version_conflict');
      expect((await call(haizhou, 'GET', '/safety/risk-thresholds')).json()).toEqual({ regionCode: '320700', ...bands, version: 1 });

      // The city's bands now apply to a district's new assessment: LS 3 × 4 = 12 is orange under them, yellow under the defaults.
      const created = await create(haizhou, { method: 'LS', likelihood: 3, severity: 4 });
      expect(created).toMatchObject({ score: 12, level: assessLs({ likelihood: 3, severity: 4 }, bands).level, thresholdsSource: bands.source });
      expect(created.level).toBe('orange');
      expect(created.assessments[0]!.thresholds).toEqual(bands);
    });
  });
});
