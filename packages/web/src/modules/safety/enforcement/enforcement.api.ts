import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { EnforcementCase, EnforcementFilter, EnforcementInput } from './enforcement.types';

export const enforcementKeys = {
  all: ['enforcement'] as const,
  list: (filter: EnforcementFilter) => ['enforcement', 'list', filter] as const,
  detail: (id: string) => ['enforcement', 'detail', id] as const,
};

const path = (id: string) => `/enforcement-cases/${encodeURIComponent(id)}`;

export const enforcementApi = {
  list: (filter: EnforcementFilter, cursor: string | null) => api<Page<EnforcementCase>>('/enforcement-cases', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  get: (id: string) => api<EnforcementCase>(path(id)),
  create: (input: EnforcementInput & { enterpriseId: string }) => api<EnforcementCase>('/enforcement-cases', { method: 'POST', body: input }),
  update: (id: string, patch: Partial<EnforcementInput> & { version: number }) => api<EnforcementCase>(path(id), { method: 'PATCH', body: patch }),
};
