import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { Hazard, HazardDetail, HazardFilter, HazardInbox, HazardOverview, HazardReport, HazardSettings, HazardSettingsInput, HazardTransition } from './hazards.types';

export const hazardKeys = {
  all: ['hazards'] as const,
  list: (filter: HazardFilter) => ['hazards', 'list', filter] as const,
  detail: (id: string) => ['hazards', 'detail', id] as const,
  overview: (regionCode: string | undefined) => ['hazards', 'overview', regionCode ?? ''] as const,
  inbox: ['hazards', 'inbox'] as const,
  settings: ['hazards', 'settings'] as const,
};

const path = (id: string) => `/hazards/${encodeURIComponent(id)}`;

export const hazardsApi = {
  list: (filter: HazardFilter, cursor: string | null) => api<Page<Hazard>>('/hazards', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  get: (id: string) => api<HazardDetail>(path(id)),
  report: (report: HazardReport) => api<HazardDetail>('/hazards', { method: 'POST', body: report }),
  transition: (id: string, body: HazardTransition) => api<HazardDetail>(`${path(id)}/transitions`, { method: 'POST', body }),
  listForSupervision: (id: string, body: { version: number; note?: string }) => api<HazardDetail>(`${path(id)}/listing`, { method: 'POST', body }),
  overview: (regionCode: string | undefined) => api<HazardOverview>('/safety/hazard-overview', { query: { regionCode } }),
  inbox: () => api<HazardInbox>('/hazards/inbox', { query: { limit: 50 } }),
  settings: () => api<HazardSettings>('/safety/hazard-settings'),
  saveSettings: (body: HazardSettingsInput) => api<HazardSettings>('/safety/hazard-settings', { method: 'PUT', body }),
};
