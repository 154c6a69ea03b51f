import { CHEMICAL_MAJOR_HAZARD_CRITERIA_2017, creditCodeCheckChar, GENERAL_CHECKLIST } from '@shoutu/domain';
import ExcelJS from 'exceljs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { totpCode } from '../modules/auth/totp.js';
import { communitiesIn, fictitiousIds, fictitiousPhones } from './fixtures.js';
import { DEMO_PASSWORD, type TestApp } from './harness.js';
import { photoUpload, tinyPng } from './photos.js';

/**
 * One successful call of every mutating route (POST, PUT, PATCH, DELETE), for the generated test
 * that each writes exactly one audit row naming its action (SECURITY.md row 10). A route missing
 * here fails `http/audit-coverage.test.ts`: whoever adds a route adds its entry, with the body a user
 * of the route would send. `setup` may create what the call needs through other routes; their
 * audit rows come before the measured call and are not counted.
 */
export interface AuditFixture {
  /** Demo account (or an account `setup` created) that makes the call. */
  user: string;
  /** The action of the one audit row; null for a route documented as not audited (`reason`). */
  action: string | null;
  /** Why a route writes no audit row (a read sent as POST, decision 0010 for travel checks). */
  reason?: string;
  /** Rows the call records for other objects it creates on the way, e.g. the contact a case names. */
  alsoRecords?: string[];
  setup(api: FixtureApi): Promise<FixtureCall>;
}

export interface FixtureCall {
  /** Values of the route's path parameters. */
  params?: Record<string, string>;
  body?: unknown;
  contentType?: string;
  query?: string;
  /** Overrides `user`, for an account the setup created. */
  user?: string;
}

export interface FixtureApi {
  t: TestApp;
  /** Calls as a user (signing in again if the session ended); the answer as it came. */
  call(user: string, method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** Calls and expects 2xx; the JSON answer. */
  ok<T = any>(user: string, method: InjectOptions['method'], url: string, body?: unknown): Promise<T>;
  /** Passwords of accounts the fixtures created, when not the demo password. */
  passwords: Map<string, string>;
  /** Signs the user in unless a session is open; the cookie. */
  session(user: string): Promise<string>;
  /** A fresh serial number for names, ID numbers and credit codes. */
  next(): number;
  idNumber(n: number): string;
  phone(n: number): string;
  /** Moves the app's clock; the sessions it ends are opened again on the next call. */
  advance(ms: number): void;
  /** An ISO instant `ms` before the clock. */
  ago(ms: number): string;
  haizhouCommunity(): Promise<string>;
}

const HOUR = 3_600_000;
/** The password an admin gives a new account; it must be changed at first sign-in. */
const INITIAL_PASSWORD = 'Initial#2026';
const DAY = 24 * HOUR;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ENTERPRISE_HEADERS = ['统一社会信用代码*', '企业名称*', '行业代码*', '所在村（社区）代码*', '所在园区', '企业规模', '涉及危险化学品', '有重大危险源', '主要负责人', '主要负责人手机', '安全管理人员', '安全管理人员手机'];
export const FIXTURE_IDS = fictitiousIds({ fromYear: 1961, sequence: 610 });
export const FIXTURE_PHONES = fictitiousPhones('137');

function creditCode(n: number): string {
  const first17 = `91320706AU${String(n).padStart(6, '0')}R`;
  return first17 + creditCodeCheckChar(first17);
}

// ——— objects the calls work on, made through the API as their users would ———

const dutyTemplateBody = (api: FixtureApi) => ({ name: `审计覆盖模板${api.next()}`, post: '网格长', principle: 'all_staff_post', unitKinds: ['other'], items: [{ text: '巡查网格内安全隐患' }] });
const dutyListBody = (api: FixtureApi) => ({ templateId: 'post_worker', unitKind: 'other', unitName: `审计覆盖网格站${api.next()}`, regionCode: '320706010' });
const letterBody = (api: FixtureApi) => ({ year: 2030, unitKind: 'government', unitName: `审计覆盖街道${api.next()}`, regionCode: '320706010', issuer: '连云港市海州区人民政府' });
const leaderBody = (api: FixtureApi) => ({ regionCode: '320706010', postKind: 'deputy_safety', postTitle: '分管安全生产副主任', name: `审计覆盖${api.next()}`, phone: api.phone(api.next()) });
const accountabilityBody = (api: FixtureApi) => ({ triggerKind: 'other', regionCode: '320706', subjectKind: 'unit', subjectName: `审计覆盖单位${api.next()}`, facts: '专项整治推进迟缓', status: 'investigating' });

const unit = (api: FixtureApi) => api.ok<{ id: string; version: number }>('admin', 'POST', '/units', { name: `审计覆盖测试局${api.next()}`, kind: 'department', regionCode: '320706' });

async function account(api: FixtureApi, roles: string[], regionCodes = ['320706']) {
  const user = await api.ok<{ id: string; username: string; version: number }>('admin', 'POST', '/users', { username: `audit.cover${api.next()}`, displayName: '审计覆盖测试', roles, regionCodes, password: INITIAL_PASSWORD });
  api.passwords.set(user.username, INITIAL_PASSWORD);
  return user;
}

/** An account that has changed its initial password and may work. */
async function activeAccount(api: FixtureApi, roles: string[]) {
  const user = await account(api, roles, roles.some((r) => r.endsWith('admin')) ? ['320700'] : ['320706']);
  await api.ok(user.username, 'POST', '/auth/password', { currentPassword: INITIAL_PASSWORD, newPassword: DEMO_PASSWORD });
  api.passwords.set(user.username, DEMO_PASSWORD);
  return user;
}

async function haizhouEnterprise(api: FixtureApi) {
  const page = await api.ok<{ items: Array<{ id: string; version: number }> }>('haizhou', 'GET', '/enterprises?regionCode=320706&limit=1');
  return page.items[0]!;
}

/** A session of a fresh course organised by 海州区 with the officer on its roster, started an hour ago. */
async function trainingSession(api: FixtureApi) {
  const course = await api.ok<{ id: string }>('yingji', 'POST', '/training/courses', { title: `审计覆盖课程${api.next()}`, source: '审计覆盖', kind: 'video', durationMinutes: 30 });
  const me = await api.ok<{ id: string }>('haizhou', 'GET', '/auth/me');
  return api.ok<{ id: string; version: number; myAttendance: { version: number } | null }>('haizhou', 'POST', '/training/sessions', { courseId: course.id, mode: 'online', startsAt: api.ago(HOUR), targets: { unitIds: [], userIds: [me.id] } });
}

const enterprise = async (api: FixtureApi) =>
  api.ok<{ id: string; version: number }>('haizhou', 'POST', '/enterprises', { creditCode: creditCode(api.next()), name: `审计覆盖测试化工有限公司${api.next()}`, industryCode: 'C26', regionCode: await api.haizhouCommunity() });

const accident = async (api: FixtureApi, occurredAgo = 2 * HOUR) =>
  api.ok<{ id: string; version: number }>('haizhou', 'POST', '/accidents', { occurredAt: api.ago(occurredAgo), regionCode: await api.haizhouCommunity(), type: 'machinery_injury', deaths: 0, seriousInjuries: 1, directLossYuan: 100_000 });

const riskPoint = async (api: FixtureApi) =>
  api.ok<{ id: string; version: number }>('haizhou', 'POST', '/risk-points', {
    enterpriseId: (await haizhouEnterprise(api)).id,
    place: '液氨储罐区',
    hazardFactors: '液氨泄漏',
    accidentTypes: ['poisoning_or_asphyxiation'],
    controlMeasures: '氨气检测报警',
    assessment: { method: 'LS', likelihood: 2, severity: 3 },
  });

const hazard = async (api: FixtureApi, grade: 'general' | 'major' = 'general') =>
  api.ok<{ id: string; version: number }>('haizhou', 'POST', '/hazards', { enterpriseId: (await haizhouEnterprise(api)).id, grade, description: '消防通道堆放杂物' });

const inspection = async (api: FixtureApi, failed: number[] = []) =>
  api.ok<{ id: string }>('haizhou', 'POST', '/inspections', {
    enterpriseId: (await haizhouEnterprise(api)).id,
    templateCode: 'general',
    kind: 'regulator',
    inspectedAt: api.ago(HOUR),
    items: GENERAL_CHECKLIST.map((item) => ({ number: item.number, result: failed.includes(item.number) ? 'fail' : 'pass', ...(failed.includes(item.number) ? { note: '灭火器过期' } : {}) })),
  });

/** A city campaign over the chemical industries for this quarter. */
const campaignBody = () => ({ title: '审计覆盖测试专项整治', templateCode: 'general', scope: { industries: ['C26'], regions: [], enterpriseIds: [] }, startsOn: '2026-01-01', endsOn: '2026-03-31', targets: { inspectedPct: 80, closedPct: 90 } });

/** A close contact exposed on 8 July 2022 (9th edition): plan to 18 July, tests on 9, 10, 11, 13, 15, 18 July. */
async function closeContact(api: FixtureApi) {
  const n = api.next();
  return api.ok<{ id: string; version: number }>('haizhou', 'POST', '/persons', { name: '审计覆盖', idNumber: api.idNumber(n), phone: api.phone(n), gridCode: await api.haizhouCommunity(), category: 'close_contact', lastExposureDate: '2022-07-08' });
}

async function checkpoint(api: FixtureApi) {
  return api.ok<{ id: string }>('leader', 'POST', '/checkpoints', { name: `审计覆盖测试站${api.next()}`, kind: 'station', regionCode: '320706' });
}

async function enterpriseWorkbook(api: FixtureApi): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业档案');
  sheet.addRow(ENTERPRISE_HEADERS);
  sheet.addRow([creditCode(api.next()), `审计覆盖导入企业${api.next()}有限公司`, 'C26', await api.haizhouCommunity(), '', 'small', '是', '否', '', '', '', '']);
  return Buffer.from((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

const TRAVEL_CHECK_REASON = 'decision 0010: every travel check is kept in travel_checks (who checked, when, the answer), not in the audit trail';

/** An export request of haizhou's person list waiting for approval, or approved: below the default threshold no call makes one. */
async function exportRequest(api: FixtureApi, status: 'pending' | 'approved'): Promise<string> {
  const requester = await api.t.db.kysely.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'haizhou').executeTakeFirstOrThrow();
  const leader = await api.t.db.kysely.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'leader').executeTakeFirstOrThrow();
  const at = api.t.clock.now().toISOString();
  const id = `audit-coverage-export-${api.next()}`;
  const decided = status === 'approved' ? { decided_by_id: leader.id, decided_by_name: leader.display_name, decision_reason: '同意', decided_at: at, expires_at: new Date(api.t.clock.now().getTime() + DAY).toISOString() } : {};
  await api.t.db.kysely
    .insertInto('export_requests')
    .values({ id, region_code: '320706', kind: 'persons', format: 'csv', filter: JSON.stringify({ regionCode: await api.haizhouCommunity() }), unmasked: 0, reason: '审计覆盖', status, row_count: 1, requester_id: requester.id, requester_name: requester.display_name, created_at: at, updated_at: at, version: 1, ...decided })
    .execute();
  return id;
}

export const AUDIT_FIXTURES: Record<string, AuditFixture> = {
  // ——— accounts and sign-in ———
  'POST /api/v1/auth/login': { user: 'leader', action: 'auth.login', setup: async () => ({ body: { username: 'leader', password: DEMO_PASSWORD } }) },
  'POST /api/v1/auth/logout': {
    user: 'leader',
    action: 'auth.logout',
    setup: async (api) => {
      const user = await activeAccount(api, ['city_leader']);
      return { user: user.username };
    },
  },
  'POST /api/v1/auth/password': {
    user: 'leader',
    action: 'auth.password_change',
    setup: async (api) => {
      const user = await account(api, ['town_officer']);
      return { user: user.username, body: { currentPassword: INITIAL_PASSWORD, newPassword: 'Chosen#Myself7' } };
    },
  },
  'POST /api/v1/auth/totp/setup': {
    user: 'admin',
    action: 'auth.totp_setup',
    setup: async (api) => ({ user: (await activeAccount(api, ['system_admin'])).username }),
  },
  'POST /api/v1/auth/totp/confirm': {
    user: 'admin',
    action: 'auth.totp_enrol',
    setup: async (api) => {
      const user = await activeAccount(api, ['system_admin']);
      const { secret } = await api.ok<{ secret: string }>(user.username, 'POST', '/auth/totp/setup');
      return { user: user.username, body: { code: totpCode(secret, api.t.clock.now()) } };
    },
  },
  'POST /api/v1/units': { user: 'admin', action: 'unit.create', setup: async (api) => ({ body: { name: `审计覆盖新建局${api.next()}`, kind: 'department', regionCode: '320706' } }) },
  'PATCH /api/v1/units/:id': {
    user: 'admin',
    action: 'unit.update',
    setup: async (api) => {
      const created = await unit(api);
      return { params: { id: created.id }, body: { version: created.version, name: `审计覆盖改名局${api.next()}` } };
    },
  },
  'POST /api/v1/users': {
    user: 'admin',
    action: 'user.create',
    setup: async (api) => ({ body: { username: `audit.new${api.next()}`, displayName: '审计覆盖新用户', roles: ['town_officer'], regionCodes: ['320706'], password: INITIAL_PASSWORD } }),
  },
  'PATCH /api/v1/users/:id': {
    user: 'admin',
    action: 'user.update',
    setup: async (api) => {
      const user = await account(api, ['town_officer']);
      return { params: { id: user.id }, body: { version: user.version, displayName: '审计覆盖改名' } };
    },
  },
  'POST /api/v1/users/:id/reset-password': {
    user: 'admin',
    action: 'user.password_reset',
    setup: async (api) => ({ params: { id: (await account(api, ['town_officer'])).id }, body: { password: 'Temporary#2026' } }),
  },
  'POST /api/v1/users/:id/reset-totp': { user: 'secadmin', action: 'user.totp_reset', setup: async (api) => ({ params: { id: (await account(api, ['system_admin'], ['320700'])).id } }) },
  'POST /api/v1/audit/verify': { user: 'auditor', action: null, reason: 'a read: recomputes the hash chain and changes nothing', setup: async () => ({}) },
  'POST /api/v1/audit/purge': { user: 'auditor', action: 'audit.purge', setup: async () => ({}) },

  // ——— work safety ———
  'POST /api/v1/enterprises/import': { user: 'haizhou', action: 'enterprise.import', setup: async (api) => ({ body: await enterpriseWorkbook(api), contentType: XLSX, query: 'mode=all_or_nothing' }) },
  'POST /api/v1/enterprises': {
    user: 'haizhou',
    action: 'enterprise.create',
    setup: async (api) => ({ body: { creditCode: creditCode(api.next()), name: `审计覆盖新企业${api.next()}有限公司`, industryCode: 'C26', regionCode: await api.haizhouCommunity() } }),
  },
  'PATCH /api/v1/enterprises/:id': {
    user: 'haizhou',
    action: 'enterprise.update',
    setup: async (api) => {
      const created = await enterprise(api);
      return { params: { id: created.id }, body: { version: created.version, park: '审计覆盖园区' } };
    },
  },
  'PUT /api/v1/safety/industry-supervision': {
    user: 'yingji',
    action: 'industry_supervision.update',
    setup: async (api) => {
      const current = await api.ok<{ version: string; items: Array<{ industryPrefix: string; units: Array<{ id: string }> }> }>('yingji', 'GET', '/safety/industry-supervision');
      const extra = await unit(api);
      const items = [...current.items.map((item) => ({ industryPrefix: item.industryPrefix, unitIds: item.units.map((u) => u.id) })).filter((item) => item.industryPrefix !== 'N77'), { industryPrefix: 'N77', unitIds: [extra.id] }];
      return { body: { version: current.version, items } };
    },
  },
  'POST /api/v1/accidents': {
    user: 'haizhou',
    action: 'accident.report',
    setup: async (api) => ({ body: { occurredAt: api.ago(3 * HOUR), regionCode: await api.haizhouCommunity(), type: 'fall_from_height', deaths: 0, seriousInjuries: 1, directLossYuan: 50_000 } }),
  },
  'POST /api/v1/accidents/:id/revisions': {
    user: 'haizhou',
    action: 'accident.revise',
    setup: async (api) => {
      const created = await accident(api);
      return { params: { id: created.id }, body: { version: created.version, deaths: 1, seriousInjuries: 0, missing: 0, directLossYuan: 100_000, reason: '重伤人员抢救无效死亡' } };
    },
  },
  'POST /api/v1/accidents/:id/level-reports': {
    user: 'haizhou',
    action: 'accident.level_report',
    setup: async (api) => ({ params: { id: (await accident(api)).id }, body: { level: 'county', reportedAt: api.ago(HOUR) } }),
  },
  'POST /api/v1/accidents/:id/investigation-extension': {
    user: 'haizhou',
    action: 'accident.investigation_extend',
    setup: async (api) => ({ params: { id: (await accident(api, 10 * DAY)).id }, body: { days: 30, approvedBy: '海州区人民政府', reason: '需进行技术鉴定' } }),
  },
  'POST /api/v1/accidents/:id/investigation-report': {
    user: 'haizhou',
    action: 'accident.investigation_submit',
    setup: async (api) => ({ params: { id: (await accident(api, 10 * DAY)).id }, body: { submittedAt: api.ago(DAY) } }),
  },
  'POST /api/v1/accidents/:id/reply': {
    user: 'haizhou',
    action: 'accident.reply',
    setup: async (api) => {
      const created = await accident(api, 10 * DAY);
      await api.ok('haizhou', 'POST', `/accidents/${created.id}/investigation-report`, { submittedAt: api.ago(DAY) });
      return { params: { id: created.id }, body: { repliedAt: api.ago(HOUR) } };
    },
  },
  'POST /api/v1/safety/accident-targets': { user: 'haizhou', action: 'accident_target.create', setup: async () => ({ body: { year: 2024, regionCode: '320706', maxAccidents: 3, maxDeaths: 2 } }) },
  'PATCH /api/v1/safety/accident-targets/:id': {
    user: 'haizhou',
    action: 'accident_target.update',
    setup: async (api) => {
      const created = await api.ok<{ id: string; version: number }>('haizhou', 'POST', '/safety/accident-targets', { year: 2023, regionCode: '320706', maxAccidents: 3, maxDeaths: 2 });
      return { params: { id: created.id }, body: { version: created.version, maxAccidents: 4 } };
    },
  },
  'POST /api/v1/risk-points': {
    user: 'haizhou',
    action: 'risk_point.create',
    setup: async (api) => ({
      body: { enterpriseId: (await haizhouEnterprise(api)).id, place: '反应釜区', hazardFactors: '超温超压', accidentTypes: ['vessel_explosion'], controlMeasures: '联锁', assessment: { method: 'LEC', l: 3, e: 6, c: 7 } },
    }),
  },
  'PATCH /api/v1/risk-points/:id': {
    user: 'haizhou',
    action: 'risk_point.update',
    setup: async (api) => {
      const created = await riskPoint(api);
      return { params: { id: created.id }, body: { version: created.version, controlMeasures: '氨气检测报警；应急演练' } };
    },
  },
  'DELETE /api/v1/risk-points/:id': {
    user: 'haizhou',
    action: 'risk_point.retire',
    setup: async (api) => {
      const created = await riskPoint(api);
      return { params: { id: created.id }, query: `version=${created.version}` };
    },
  },
  'POST /api/v1/risk-points/:id/assessments': {
    user: 'haizhou',
    action: 'risk_point.assess',
    setup: async (api) => {
      const created = await riskPoint(api);
      return { params: { id: created.id }, body: { version: created.version, method: 'LS', likelihood: 3, severity: 3 } };
    },
  },
  'PUT /api/v1/safety/risk-thresholds': {
    user: 'yingji',
    action: 'risk_thresholds.update',
    setup: async (api) => {
      const current = await api.ok<{ version: number }>('yingji', 'GET', '/safety/risk-thresholds?regionCode=320700');
      return { body: { regionCode: '320700', version: current.version, source: '审计覆盖测试', lec: { red: 320, orange: 160, yellow: 70 }, ls: { red: 20, orange: 15, yellow: 9 } } };
    },
  },
  'POST /api/v1/inspections': {
    user: 'haizhou',
    action: 'inspection.create',
    setup: async (api) => ({
      body: { enterpriseId: (await haizhouEnterprise(api)).id, templateCode: 'chemical_major_hazards_2017', kind: 'regulator', inspectedAt: api.ago(HOUR), items: CHEMICAL_MAJOR_HAZARD_CRITERIA_2017.map((item) => ({ number: item.number, result: 'pass' })) },
    }),
  },
  'POST /api/v1/inspections/:id/items/:number/hazard': {
    user: 'haizhou',
    action: 'hazard.create',
    setup: async (api) => ({ params: { id: (await inspection(api, [GENERAL_CHECKLIST[0]!.number])).id, number: String(GENERAL_CHECKLIST[0]!.number) }, body: {} }),
  },
  'POST /api/v1/campaigns': { user: 'yingji', action: 'campaign.create', setup: async () => ({ body: campaignBody() }) },
  'PATCH /api/v1/campaigns/:id': {
    user: 'yingji',
    action: 'campaign.update',
    setup: async (api) => {
      const created = await api.ok<{ id: string; version: number }>('yingji', 'POST', '/campaigns', campaignBody());
      return { params: { id: created.id }, body: { version: created.version, targets: { inspectedPct: 90, closedPct: 95 } } };
    },
  },
  'POST /api/v1/enforcement-cases': {
    user: 'haizhou',
    action: 'enforcement.create',
    setup: async (api) => ({ body: { enterpriseId: (await haizhouEnterprise(api)).id, violations: [{ description: '未如实记录隐患排查治理情况', legalBasis: '《安全生产法》第四十一条' }] } }),
  },
  'PATCH /api/v1/enforcement-cases/:id': {
    user: 'haizhou',
    action: 'enforcement.update',
    setup: async (api) => {
      const created = await api.ok<{ id: string; version: number }>('haizhou', 'POST', '/enforcement-cases', { enterpriseId: (await haizhouEnterprise(api)).id });
      return { params: { id: created.id }, body: { version: created.version, caseNumber: '（海）应急罚〔2026〕审计1号' } };
    },
  },
  'POST /api/v1/hazards': { user: 'haizhou', action: 'hazard.create', setup: async (api) => ({ body: { enterpriseId: (await haizhouEnterprise(api)).id, grade: 'general', description: '配电箱未接地' } }) },
  'POST /api/v1/hazards/:id/transitions': {
    user: 'haizhou',
    action: 'hazard.assign',
    setup: async (api) => {
      const created = await hazard(api);
      return { params: { id: created.id }, body: { version: created.version, action: 'assign', responsibleUnit: '设备部', responsiblePerson: '张三丰', deadline: new Date(api.t.clock.now().getTime() + 7 * DAY).toISOString() } };
    },
  },
  'POST /api/v1/hazards/:id/listing': {
    user: 'yingji',
    action: 'hazard.list',
    setup: async (api) => {
      const created = await hazard(api, 'major');
      return { params: { id: created.id }, body: { version: created.version, note: '挂牌督办' } };
    },
  },
  'POST /api/v1/safety/hazards/escalate': {
    user: 'haizhou',
    action: 'hazard.escalate',
    setup: async (api) => {
      const created = await hazard(api);
      // Overdue by a day past the city's escalation time: the clock moves, sessions sign in again.
      await api.ok('haizhou', 'POST', `/hazards/${created.id}/transitions`, { version: created.version, action: 'assign', responsibleUnit: '设备部', responsiblePerson: '张三丰', deadline: new Date(api.t.clock.now().getTime() + DAY).toISOString() });
      api.advance(40 * DAY);
      return {};
    },
  },
  'PUT /api/v1/safety/hazard-settings': {
    user: 'yingji',
    action: 'hazard_settings.update',
    setup: async (api) => {
      const current = await api.ok<{ regionCode: string | null; version: number; cityEscalationAfterDays: number; acceptanceWait: unknown; listing: unknown }>('yingji', 'GET', '/safety/hazard-settings?regionCode=320700');
      return { body: { regionCode: '320700', version: current.regionCode === '320700' ? current.version : 0, cityEscalationAfterDays: 6, acceptanceWait: current.acceptanceWait, listing: current.listing } };
    },
  },
  'POST /api/v1/hazards/:id/photos': {
    user: 'haizhou',
    action: 'hazard.photo_upload',
    setup: async (api) => {
      const created = await hazard(api);
      const upload = photoUpload(tinyPng(`audit ${api.next()}`));
      return { params: { id: created.id }, body: upload.payload, contentType: upload.contentType };
    },
  },

  // ——— responsibility system and accountability ———
  'POST /api/v1/safety/duty-templates': { user: 'yingji', action: 'duty_template.create', setup: async (api) => ({ body: dutyTemplateBody(api) }) },
  'PATCH /api/v1/safety/duty-templates/:id': {
    user: 'yingji',
    action: 'duty_template.update',
    setup: async (api) => {
      const created = await api.ok<{ id: string; version: number }>('yingji', 'POST', '/safety/duty-templates', dutyTemplateBody(api));
      return { params: { id: created.id }, body: { version: created.version, post: '网格员' } };
    },
  },
  'POST /api/v1/safety/duty-lists': { user: 'haizhou', action: 'duty_list.create', setup: async (api) => ({ body: dutyListBody(api) }) },
  'PATCH /api/v1/safety/duty-lists/:id': {
    user: 'haizhou',
    action: 'duty_list.update',
    setup: async (api) => {
      const created = await api.ok<{ id: string; version: number }>('haizhou', 'POST', '/safety/duty-lists', dutyListBody(api));
      return { params: { id: created.id }, body: { version: created.version, items: [{ text: '每日巡查网格内隐患' }] } };
    },
  },
  'DELETE /api/v1/safety/duty-lists/:id': {
    user: 'haizhou',
    action: 'duty_list.delete',
    setup: async (api) => {
      const created = await api.ok<{ id: string; version: number }>('haizhou', 'POST', '/safety/duty-lists', dutyListBody(api));
      return { params: { id: created.id }, query: `version=${created.version}` };
    },
  },
  'POST /api/v1/safety/responsibility-letters': { user: 'haizhou', action: 'responsibility_letter.create', setup: async (api) => ({ body: letterBody(api) }) },
  'PATCH /api/v1/safety/responsibility-letters/:id': {
    user: 'haizhou',
    action: 'responsibility_letter.status',
    setup: async (api) => {
      const created = await api.ok<{ id: string; version: number }>('haizhou', 'POST', '/safety/responsibility-letters', letterBody(api));
      return { params: { id: created.id }, body: { version: created.version, status: 'returned', reason: '控制指标需调整' } };
    },
  },
  'POST /api/v1/safety/region-leaders': { user: 'haizhou', action: 'region_leader.create', setup: async (api) => ({ body: leaderBody(api) }) },
  'PATCH /api/v1/safety/region-leaders/:id': {
    user: 'haizhou',
    action: 'region_leader.update',
    setup: async (api) => {
      const created = await api.ok<{ id: string; version: number }>('haizhou', 'POST', '/safety/region-leaders', leaderBody(api));
      return { params: { id: created.id }, body: { version: created.version, postTitle: '街道办事处主任' } };
    },
  },
  'DELETE /api/v1/safety/region-leaders/:id': {
    user: 'haizhou',
    action: 'region_leader.delete',
    setup: async (api) => {
      const created = await api.ok<{ id: string; version: number }>('haizhou', 'POST', '/safety/region-leaders', leaderBody(api));
      return { params: { id: created.id }, query: `version=${created.version}` };
    },
  },
  'POST /api/v1/safety/accountability/records': { user: 'yingji', action: 'accountability.create', setup: async (api) => ({ body: accountabilityBody(api) }) },
  'PATCH /api/v1/safety/accountability/records/:id': {
    user: 'yingji',
    action: 'accountability.update',
    setup: async (api) => {
      const created = await api.ok<{ id: string; version: number }>('yingji', 'POST', '/safety/accountability/records', accountabilityBody(api));
      return { params: { id: created.id }, body: { version: created.version, facts: '核查后补充的事实' } };
    },
  },

  // ——— epidemic control ———
  'POST /api/v1/persons/search': { user: 'haizhou', action: null, reason: 'a read: the exact ID number goes in the body, not the URL (decision 0009)', setup: async () => ({ body: { status: 'managed', limit: 5 } }) },
  'POST /api/v1/persons': {
    user: 'haizhou',
    action: 'person.create',
    setup: async (api) => {
      const n = api.next();
      return { body: { name: '审计覆盖登记', idNumber: api.idNumber(n), phone: api.phone(n), gridCode: await api.haizhouCommunity(), category: 'close_contact', lastExposureDate: '2022-07-08' } };
    },
  },
  'PATCH /api/v1/persons/:id': {
    user: 'haizhou',
    action: 'person.update',
    setup: async (api) => {
      const created = await closeContact(api);
      return { params: { id: created.id }, body: { version: created.version, address: '海州区审计覆盖小区 1 号楼' } };
    },
  },
  'POST /api/v1/persons/:id/unmask': { user: 'haizhou', action: 'person.unmask', setup: async (api) => ({ params: { id: (await closeContact(api)).id }, body: { reason: '流调核实行程' } }) },
  'POST /api/v1/persons/import': {
    user: 'haizhou',
    action: 'person.import',
    setup: async (api) => {
      const n = api.next();
      return { contentType: 'text/csv', body: `name,idNumber,phone,gridCode,category,lastExposureDate\n审计覆盖导入,${api.idNumber(n)},${api.phone(n)},${await api.haizhouCommunity()},close_contact,2022-08-01\n` };
    },
  },
  'POST /api/v1/persons/:id/contacts': {
    user: 'haizhou',
    action: 'exposure.create',
    alsoRecords: ['person.create'],
    setup: async (api) => {
      const source = await closeContact(api);
      const n = api.next();
      return { params: { id: source.id }, body: { name: '审计覆盖密接', idNumber: api.idNumber(n), phone: api.phone(n), gridCode: await api.haizhouCommunity(), setting: 'household', date: '2022-07-08' } };
    },
  },
  'POST /api/v1/persons/:id/followups': { user: 'haizhou', action: 'followup.create', setup: async (api) => ({ params: { id: (await closeContact(api)).id }, body: { date: '2022-07-09', testTaken: false, temperature: 36.5 } }) },
  'POST /api/v1/persons/:id/release': {
    user: 'haizhou',
    action: 'person.release',
    setup: async (api) => {
      const person = await closeContact(api);
      for (const date of ['2022-07-09', '2022-07-10', '2022-07-11', '2022-07-13', '2022-07-15', '2022-07-18']) await api.ok('haizhou', 'POST', `/persons/${person.id}/followups`, { date, testTaken: true, testResult: 'negative' });
      return { params: { id: person.id }, body: { version: person.version } };
    },
  },
  'POST /api/v1/alerts/:id/acknowledge': {
    user: 'haizhou',
    action: 'alert.acknowledge',
    setup: async (api) => {
      const person = await closeContact(api);
      await api.ok('haizhou', 'POST', `/persons/${person.id}/followups`, { date: '2022-07-09', testTaken: true, testResult: 'positive' });
      const alerts = await api.ok<{ items: Array<{ id: string; person: { id: string } | null }> }>('haizhou', 'GET', '/alerts?limit=200');
      return { params: { id: alerts.items.find((a) => a.person?.id === person.id)!.id } };
    },
  },
  'POST /api/v1/checkpoints': { user: 'leader', action: 'checkpoint.create', setup: async (api) => ({ body: { name: `审计覆盖机场${api.next()}`, kind: 'airport', regionCode: '320706' } }) },
  'POST /api/v1/checkpoints/:id/arrivals': {
    user: 'haizhou',
    action: 'arrival.create',
    setup: async (api) => {
      const n = api.next();
      return {
        params: { id: (await checkpoint(api)).id },
        body: { idNumber: api.idNumber(n), name: '审计覆盖到站', phone: api.phone(n), gridCode: await api.haizhouCommunity(), originText: '南京市玄武区', originLevel: 'low', arrivalDate: '2022-08-09', transport: 'train', tripNo: 'G7001' },
      };
    },
  },
  'POST /api/v1/travel/check': { user: 'checkpoint', action: null, reason: TRAVEL_CHECK_REASON, setup: async (api) => ({ body: { idNumber: api.idNumber(api.next()), destination: 'beijing' } }) },
  'POST /api/v1/travel-checks': { user: 'checkpoint', action: null, reason: TRAVEL_CHECK_REASON, setup: async (api) => ({ body: { idNumber: api.idNumber(api.next()), destination: 'beijing' } }) },
  'POST /api/v1/areas/risk': { user: 'leader', action: 'area_risk.set', setup: async () => ({ body: { regionCode: '320706001', level: 'high', effectiveFrom: '2022-08-08', reason: '新增本土感染者' } }) },
  'POST /api/v1/places': { user: 'leader', action: 'place.create', setup: async (api) => ({ body: { regionCode: await api.haizhouCommunity(), name: `审计覆盖市场${api.next()}`, kind: 'market' } }) },
  'POST /api/v1/checkpoints/:id/tokens': { user: 'haizhou', action: 'checkpoint_token.issue', setup: async (api) => ({ params: { id: (await checkpoint(api)).id }, body: { name: `审计覆盖闸机${api.next()}` } }) },
  'POST /api/v1/checkpoints/:id/tokens/:tokenId/revoke': {
    user: 'haizhou',
    action: 'checkpoint_token.revoke',
    setup: async (api) => {
      const { id } = await checkpoint(api);
      const token = await api.ok<{ id: string }>('haizhou', 'POST', `/checkpoints/${id}/tokens`, { name: `审计覆盖闸机${api.next()}` });
      return { params: { id, tokenId: token.id } };
    },
  },
  // Training and study (issue 4): the course library, sessions and attendance, certificates.
  'POST /api/v1/training/courses': { user: 'yingji', action: 'training.course.create', setup: async (api) => ({ body: { title: `审计覆盖课程${api.next()}`, source: '审计覆盖', kind: 'video', durationMinutes: 30 } }) },
  'PATCH /api/v1/training/courses/:id': {
    user: 'yingji',
    action: 'training.course.update',
    setup: async (api) => {
      const course = await api.ok<{ id: string; version: number }>('yingji', 'POST', '/training/courses', { title: `审计覆盖课程${api.next()}`, source: '审计覆盖', kind: 'document', durationMinutes: 20 });
      return { params: { id: course.id }, body: { version: course.version, summary: '审计覆盖' } };
    },
  },
  'POST /api/v1/training/sessions': {
    user: 'haizhou',
    action: 'training.session.create',
    setup: async (api) => {
      const course = await api.ok<{ id: string }>('yingji', 'POST', '/training/courses', { title: `审计覆盖课程${api.next()}`, source: '审计覆盖', kind: 'video', durationMinutes: 30 });
      const me = await api.ok<{ id: string }>('haizhou', 'GET', '/auth/me');
      return { body: { courseId: course.id, mode: 'online', startsAt: api.ago(HOUR), targets: { unitIds: [], userIds: [me.id] } } };
    },
  },
  'PATCH /api/v1/training/sessions/:id': {
    user: 'haizhou',
    action: 'training.session.update',
    setup: async (api) => {
      const session = await trainingSession(api);
      return { params: { id: session.id }, body: { version: session.version, place: '审计覆盖会议室' } };
    },
  },
  'POST /api/v1/training/sessions/:id/attendance': {
    user: 'haizhou',
    action: 'training.attendance.record',
    setup: async (api) => {
      const session = await trainingSession(api);
      return { params: { id: session.id }, body: { version: session.myAttendance!.version, watchedMinutes: 30 } };
    },
  },
  'POST /api/v1/training/certificates/search': { user: 'haizhou', action: null, reason: 'a read: the exact ID number goes in the body, not the URL (decision 0009)', setup: async (api) => ({ body: { idNumber: api.idNumber(api.next()) } }) },
  'POST /api/v1/training/certificates': {
    user: 'haizhou',
    action: 'training.certificate.create',
    setup: async (api) => ({ body: { kind: 'principal', holderName: '审计覆盖', holderIdNumber: api.idNumber(api.next()), issuedOn: '2024-03-01', enterpriseId: (await haizhouEnterprise(api)).id } }),
  },
  'PATCH /api/v1/training/certificates/:id': {
    user: 'haizhou',
    action: 'training.certificate.update',
    setup: async (api) => {
      const body = { kind: 'special_operation', operationType: '电工作业', holderName: '审计覆盖', holderIdNumber: api.idNumber(api.next()), issuedOn: '2023-03-01', enterpriseId: (await haizhouEnterprise(api)).id };
      const certificate = await api.ok<{ id: string; version: number }>('haizhou', 'POST', '/training/certificates', body);
      return { params: { id: certificate.id }, body: { version: certificate.version, reviewedOn: '2025-12-01' } };
    },
  },
  // ——— exports (SECURITY.md row 18) ———
  'POST /api/v1/persons/export': { user: 'haizhou', action: 'person.export', setup: async (api) => ({ body: { format: 'csv', regionCode: await api.haizhouCommunity() } }) },
  'POST /api/v1/hazards/export': { user: 'haizhou', action: 'hazard.export', setup: async () => ({ body: { format: 'csv', grade: 'major' } }) },
  'POST /api/v1/exports/:id/approve': { user: 'leader', action: 'export.approve', setup: async (api) => ({ params: { id: await exportRequest(api, 'pending') }, body: { version: 1, reason: '流调工作需要，同意' } }) },
  'POST /api/v1/exports/:id/reject': { user: 'leader', action: 'export.reject', setup: async (api) => ({ params: { id: await exportRequest(api, 'pending') }, body: { version: 1, reason: '用途不明确' } }) },
  'POST /api/v1/exports/:id/download': { user: 'haizhou', action: 'person.export', setup: async (api) => ({ params: { id: await exportRequest(api, 'approved') } }) },
};

/** The test's own helpers around one app. */
export function fixtureApi(t: TestApp): FixtureApi {
  const cookies = new Map<string, string>();
  let serial = 0;
  let community: string | null = null;
  const passwords = new Map<string, string>();
  const session = async (user: string) => {
    if (!cookies.has(user)) cookies.set(user, await t.login(user, passwords.get(user) ?? DEMO_PASSWORD));
    return cookies.get(user)!;
  };
  const call: FixtureApi['call'] = async (user, method, url, body) => {
    const send = async () => {
      await session(user);
      return t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies.get(user)! }, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
    };
    let response = await send();
    if (response.statusCode === 401) {
      cookies.delete(user);
      response = await send();
    }
    return response;
  };
  return {
    t,
    call,
    passwords,
    session,
    async ok(user, method, url, body) {
      const response = await call(user, method, url, body);
      if (response.statusCode >= 300) throw new Error(`${method} ${url} as ${user}: ${response.statusCode} ${response.body}`);
      return response.statusCode === 204 ? (undefined as never) : response.json();
    },
    advance(ms) {
      t.clock.advance(ms);
      cookies.clear();
    },
    next: () => (serial += 1),
    idNumber: (n) => FIXTURE_IDS(n),
    phone: (n) => FIXTURE_PHONES(n),
    ago: (ms) => new Date(t.clock.now().getTime() - ms).toISOString(),
    async haizhouCommunity() {
      community ??= (await communitiesIn(t.db.kysely, '320706013', 1))[0]!;
      return community;
    },
  };
}
