import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { Campaign, CampaignFilter, CampaignInput, CampaignPatch, CampaignProgress, ScopedEnterprise } from './campaigns.types';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (filter: CampaignFilter) => ['campaigns', 'list', filter] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  progress: (id: string, regionCode: string | undefined) => ['campaigns', 'progress', id, regionCode ?? ''] as const,
  enterprises: (id: string, regionCode: string | undefined, inspected: boolean | undefined) => ['campaigns', 'enterprises', id, regionCode ?? '', inspected ?? ''] as const,
};

const path = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export const campaignsApi = {
  list: (filter: CampaignFilter, cursor: string | null) => api<Page<Campaign>>('/campaigns', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  get: (id: string) => api<Campaign>(path(id)),
  create: (input: CampaignInput) => api<Campaign>('/campaigns', { method: 'POST', body: input }),
  update: (id: string, patch: CampaignPatch) => api<Campaign>(path(id), { method: 'PATCH', body: patch }),
  progress: (id: string, regionCode: string | undefined) => api<CampaignProgress>(`${path(id)}/progress`, { query: { regionCode } }),
  enterprises: (id: string, regionCode: string | undefined, inspected: boolean | undefined, cursor: string | null) =>
    api<Page<ScopedEnterprise>>(`${path(id)}/enterprises`, { query: { limit: PAGE_SIZE, cursor, regionCode, inspected } }),
};
