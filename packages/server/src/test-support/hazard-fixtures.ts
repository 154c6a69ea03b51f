import { expect } from 'vitest';
import type { TestApp } from './harness.js';

export { createEnterprise, createEnterpriseOfficer } from './enterprise-fixtures.js';

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
