import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { AccountabilityRecord, AccountabilityRecordDetail, CandidateList, CandidateQuery, Decision, NewRecord, RecordFilter } from './accountability.types';

export const accountabilityKeys = {
  all: ['accountability'] as const,
  candidates: (query: CandidateQuery) => ['accountability', 'candidates', query] as const,
  records: (filter: RecordFilter) => ['accountability', 'records', filter] as const,
  record: (id: string) => ['accountability', 'record', id] as const,
};

const path = (id: string) => `/safety/accountability/records/${encodeURIComponent(id)}`;

export const accountabilityApi = {
  candidates: (query: CandidateQuery) => api<CandidateList>('/safety/accountability/candidates', { query: { ...query } }),
  records: (filter: RecordFilter, cursor: string | null) => api<Page<AccountabilityRecord>>('/safety/accountability/records', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  record: (id: string) => api<AccountabilityRecordDetail>(path(id)),
  create: (body: NewRecord) => api<AccountabilityRecordDetail>('/safety/accountability/records', { method: 'POST', body }),
  update: (id: string, body: Partial<Decision> & { version: number; facts?: string }) => api<AccountabilityRecordDetail>(path(id), { method: 'PATCH', body }),
};
