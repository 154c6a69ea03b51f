import { api } from '../../../app/api/client';
import { PAGE_SIZE, type ItemsResponse, type Page } from '../../../app/api/page';
import type {
  Accident,
  AccidentDetail,
  AccidentFilter,
  AccidentReport,
  AccidentRevisionInput,
  AccidentTarget,
  DoubleDecreaseQuery,
  DoubleDecreaseReport,
  ObligationList,
} from './accidents.types';

export const accidentKeys = {
  all: ['accidents'] as const,
  list: (filter: AccidentFilter) => ['accidents', 'list', filter] as const,
  detail: (id: string) => ['accidents', 'detail', id] as const,
  obligations: ['accidents', 'obligations'] as const,
  doubleDecrease: (query: DoubleDecreaseQuery) => ['accidents', 'double-decrease', query] as const,
  targets: (year: number) => ['accidents', 'targets', year] as const,
};

const path = (id: string, rest = '') => `/accidents/${encodeURIComponent(id)}${rest}`;

export const accidentsApi = {
  list: (filter: AccidentFilter, cursor: string | null) => api<Page<Accident>>('/accidents', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  get: (id: string) => api<AccidentDetail>(path(id)),
  report: (body: AccidentReport) => api<AccidentDetail>('/accidents', { method: 'POST', body }),
  revise: (id: string, body: AccidentRevisionInput) => api<AccidentDetail>(path(id, '/revisions'), { method: 'POST', body }),
  reportToLevel: (id: string, body: { level: string; reportedAt: string }) => api<AccidentDetail>(path(id, '/level-reports'), { method: 'POST', body }),
  extendInvestigation: (id: string, body: { days: number; approvedBy: string; reason: string }) => api<AccidentDetail>(path(id, '/investigation-extension'), { method: 'POST', body }),
  submitInvestigation: (id: string, submittedAt: string) => api<AccidentDetail>(path(id, '/investigation-report'), { method: 'POST', body: { submittedAt } }),
  recordReply: (id: string, repliedAt: string) => api<AccidentDetail>(path(id, '/reply'), { method: 'POST', body: { repliedAt } }),
  obligations: () => api<ObligationList>('/safety/accident-obligations'),
  doubleDecrease: (query: DoubleDecreaseQuery) => api<DoubleDecreaseReport>('/safety/double-decrease', { query: { ...query } }),
  targets: (year: number) => api<ItemsResponse<AccidentTarget>>('/safety/accident-targets', { query: { year } }),
  createTarget: (body: { year: number; regionCode: string; maxAccidents: number; maxDeaths: number }) => api<AccidentTarget>('/safety/accident-targets', { method: 'POST', body }),
  updateTarget: (id: string, body: { version: number; maxAccidents: number; maxDeaths: number }) =>
    api<AccidentTarget>(`/safety/accident-targets/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
};
