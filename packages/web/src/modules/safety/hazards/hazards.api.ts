import { api } from '../../../app/api/client';
import { ApiError, isProblem } from '../../../app/api/problem';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { Hazard, HazardDetail, HazardFilter, HazardInbox, HazardPhoto, HazardOverview, HazardReport, HazardSettings, HazardSettingsInput, HazardTransition } from './hazards.types';

export const hazardKeys = {
  all: ['hazards'] as const,
  list: (filter: HazardFilter) => ['hazards', 'list', filter] as const,
  detail: (id: string) => ['hazards', 'detail', id] as const,
  overview: (regionCode: string | undefined) => ['hazards', 'overview', regionCode ?? ''] as const,
  inbox: ['hazards', 'inbox'] as const,
  settings: ['hazards', 'settings'] as const,
};

const path = (id: string) => `/hazards/${encodeURIComponent(id)}`;

/** POST /hazards/:id/photos: one file as multipart/form-data; the server judges its type by content. */
async function uploadPhoto(hazardId: string, file: Blob, filename: string): Promise<HazardPhoto> {
  const form = new FormData();
  form.append('file', file, filename);
  let response: Response;
  try {
    response = await fetch(`/api/v1${path(hazardId)}/photos`, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, isProblem(body) ? body : null);
  return body as HazardPhoto;
}

export const hazardsApi = {
  uploadPhoto,
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
