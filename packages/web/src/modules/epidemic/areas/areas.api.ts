import { api } from '../../../app/api/client';
import type { AreaDesignation, NamedPlace, PlaceKind, SetAreaLevel } from './areas.types';

export const areaKeys = {
  all: ['areas'] as const,
  list: (date: string, regionCode?: string) => ['areas', 'list', date, regionCode ?? ''] as const,
  places: (q: string) => ['areas', 'places', q] as const,
};

export const areasApi = {
  list: (date: string, regionCode?: string) => api<{ date: string; items: AreaDesignation[] }>('/areas/risk', { query: { date, regionCode } }),
  places: (q: string) => api<{ items: NamedPlace[] }>('/places', { query: { q: q || undefined, limit: 200 } }),
  createPlace: (input: { regionCode: string; name: string; kind: PlaceKind }) => api<NamedPlace>('/places', { method: 'POST', body: input }),
  set: (input: SetAreaLevel) => api<AreaDesignation>('/areas/risk', { method: 'POST', body: input }),
};
