import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { Unit, UnitCreate, UnitPatch } from './units.types';

export const unitKeys = {
  all: ['units'] as const,
  list: ['units', 'list'] as const,
};

export const unitsApi = {
  list: (cursor: string | null) => api<Page<Unit>>('/units', { query: { limit: PAGE_SIZE, cursor } }),
  create: (unit: UnitCreate) => api<Unit>('/units', { method: 'POST', body: unit }),
  update: (id: string, patch: UnitPatch) => api<Unit>(`/units/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
};
