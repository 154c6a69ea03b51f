import { api } from '../../../app/api/client';
import type { ItemsResponse } from '../../../app/api/page';
import type { Region } from './regions.types';

export const regionKeys = {
  roots: ['regions', 'roots'] as const,
  children: (code: string) => ['regions', 'children', code] as const,
  one: (code: string) => ['regions', 'one', code] as const,
};

export const regionsApi = {
  /** The roots of the caller's ground. */
  roots: () => api<ItemsResponse<Region>>('/regions').then((r) => r.items),
  children: (parent: string) => api<ItemsResponse<Region>>('/regions', { query: { parent } }).then((r) => r.items),
  get: (code: string) => api<Region>(`/regions/${encodeURIComponent(code)}`),
};
