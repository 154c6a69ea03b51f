import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { AssessmentInput, RiskOverview, RiskPoint, RiskPointDetail, RiskPointFilter, RiskPointInput, ThresholdsInForce } from './risks.types';

export const riskKeys = {
  all: ['risks'] as const,
  list: (filter: RiskPointFilter) => ['risks', 'list', filter] as const,
  detail: (id: string) => ['risks', 'detail', id] as const,
  overview: (regionCode: string | undefined, enterpriseId: string | undefined) => ['risks', 'overview', regionCode ?? '', enterpriseId ?? ''] as const,
  thresholds: ['risks', 'thresholds'] as const,
};

const path = (id: string) => `/risk-points/${encodeURIComponent(id)}`;

export const risksApi = {
  list: (filter: RiskPointFilter, cursor: string | null) => api<Page<RiskPoint>>('/risk-points', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  get: (id: string) => api<RiskPointDetail>(path(id)),
  create: (input: RiskPointInput) => api<RiskPointDetail>('/risk-points', { method: 'POST', body: input }),
  assess: (id: string, body: AssessmentInput & { version: number; note?: string }) => api<RiskPointDetail>(`${path(id)}/assessments`, { method: 'POST', body }),
  retire: (id: string, version: number) => api<void>(path(id), { method: 'DELETE', query: { version } }),
  overview: (regionCode: string | undefined, enterpriseId: string | undefined) => api<RiskOverview>('/safety/risk-overview', { query: { regionCode, enterpriseId } }),
  thresholds: () => api<ThresholdsInForce>('/safety/risk-thresholds'),
  saveThresholds: (body: Omit<ThresholdsInForce, 'regionCode'> & { regionCode: string }) => api<ThresholdsInForce>('/safety/risk-thresholds', { method: 'PUT', body }),
};
