import { api } from '../../../app/api/client';
import type { ChainGraph, ClusterSummary, ContactRegistered, ContactRegistration } from './tracing.types';

export const tracingKeys = {
  all: ['tracing'] as const,
  clusters: (regionCode: string | undefined) => ['tracing', 'clusters', regionCode ?? ''] as const,
  chain: (personId: string) => ['tracing', 'chain', personId] as const,
};

export const tracingApi = {
  clusters: (regionCode?: string) => api<{ items: ClusterSummary[]; total: number }>('/tracing/clusters', { query: { regionCode, limit: 100 } }),
  chain: (personId: string) => api<ChainGraph>(`/persons/${encodeURIComponent(personId)}/chain`),
  registerContact: (caseId: string, contact: ContactRegistration) => api<ContactRegistered>(`/persons/${encodeURIComponent(caseId)}/contacts`, { method: 'POST', body: contact }),
};
