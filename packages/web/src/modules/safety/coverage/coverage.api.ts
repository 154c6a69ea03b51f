import { api } from '../../../app/api/client';
import type { CoverageReport, IndustrySupervision, IndustrySupervisionPut } from './coverage.types';

export const coverageKeys = {
  report: (months: number) => ['safety', 'coverage', months] as const,
  mapping: ['safety', 'coverage', 'industry-supervision'] as const,
};

export const coverageApi = {
  report: (months: number) => api<CoverageReport>('/safety/coverage', { query: { months, limit: 50 } }),
  mapping: () => api<IndustrySupervision>('/safety/industry-supervision'),
  putMapping: (body: IndustrySupervisionPut) => api<IndustrySupervision>('/safety/industry-supervision', { method: 'PUT', body }),
};
