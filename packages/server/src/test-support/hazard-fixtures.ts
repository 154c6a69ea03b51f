import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar } from '@shoutu/domain';
import { expect } from 'vitest';
import { hashPassword } from '../modules/auth/passwords.js';
import { UsersRepository } from '../modules/users/users.repository.js';
import { EnterprisesRepository } from '../modules/safety/enterprises/enterprises.repository.js';
import { DEMO_PASSWORD, type TestApp } from './harness.js';

/**
 * Fixtures and calls shared by the hazard suites (jobs, inbox, photos). Fixtures go
 * straight through the repositories: these suites are about hazards, not registration.
 */
export const DAY_MS = 86_400_000;

export interface HazardJson {
  id: string;
  status: string;
  grade: string;
  source: string;
  version: number;
  regionCode: string;
  enterpriseId: string;
  deadline: string | null;
  overdue: boolean;
  acceptanceDueAt: string | null;
  acceptanceOverdue: boolean;
  escalation: { level: string; at: string } | null;
  rectification: { evidence: string; photos: string[]; submittedAt: string } | null;
  events: Array<{ version: number; type: string; actorKind: string; at: string; payload: Record<string, unknown> }>;
  allowedActions: string[];
}

/** A hazard-test enterprise in a community; `tag` keeps credit codes apart between suites. */
export async function createEnterprise(t: TestApp, regionCode: string, tag: string, serial: number): Promise<string> {
  const first17 = `91${regionCode.slice(0, 6)}${tag}${String(serial).padStart(6, '0')}P`;
  const at = t.clock.now().toISOString();
  const id = randomUUID();
  await new EnterprisesRepository(t.db.kysely).insertNew([
    { id, credit_code: first17 + creditCodeCheckChar(first17), name: `隐患测试企业${tag}${serial}有限公司`, industry_code: 'C26', industry_name: '化学原料和化学制品制造业', region_code: regionCode, park: null, scale: 'small', hazardous_chemicals: 1, major_hazard_source: 0, principal_name: null, principal_phone: null, safety_officer_name: null, safety_officer_phone: null, last_inspected_at: null, created_at: at, updated_at: at, version: 1 },
  ]);
  return id;
}

/** An enterprise safety officer: an account narrowed to one enterprise, grounded at its community. */
export async function createEnterpriseOfficer(t: TestApp, username: string, enterpriseId: string, community: string): Promise<void> {
  const at = t.clock.now().toISOString();
  await new UsersRepository(t.db.kysely).insert({
    id: randomUUID(),
    username,
    display_name: '测试·企业安全员',
    password_hash: await hashPassword(DEMO_PASSWORD),
    roles: JSON.stringify(['enterprise_officer']),
    ground_region_codes: JSON.stringify([community]),
    home_region_code: community,
    department_id: null,
    enterprise_id: enterpriseId,
    must_change_password: 0,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    password_changed_at: at,
    is_demo: 0,
    totp_secret_enc: null,
    totp_last_step: null,
    totp_enrolled_at: null,
    created_at: at,
    updated_at: at,
    version: 1,
  });
}

/** API calls of the closed loop, each checking its status code. */
export function hazardCalls(t: TestApp) {
  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const inDays = (days: number) => new Date(t.clock.now().getTime() + days * DAY_MS).toISOString();
  const report = async (cookie: string, enterpriseId: string, body: Record<string, unknown> = {}): Promise<HazardJson> => {
    const response = await call(cookie, 'POST', '/hazards', { enterpriseId, grade: 'general', description: '消防通道堆放杂物', ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  };
  const step = async (cookie: string, hazard: { id: string; version: number }, body: Record<string, unknown>): Promise<HazardJson> => {
    const response = await call(cookie, 'POST', `/hazards/${hazard.id}/transitions`, { version: hazard.version, ...body });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const assign = (cookie: string, hazard: HazardJson, deadlineDays = 7, extra: Record<string, unknown> = {}) =>
    step(cookie, hazard, { action: 'assign', responsibleUnit: '设备部', responsiblePerson: '张三丰', deadline: inDays(deadlineDays), ...extra });
  const submit = (cookie: string, hazard: HazardJson, extra: Record<string, unknown> = {}) => step(cookie, hazard, { action: 'submit_rectification', evidence: '已整改完毕', ...extra });
  const get = async (cookie: string, id: string): Promise<HazardJson> => {
    const response = await call(cookie, 'GET', `/hazards/${id}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  return { call, inDays, report, step, assign, submit, get };
}
