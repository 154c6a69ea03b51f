import { api } from '../../../app/api/client';
import type { AreaDesignation, SetAreaLevel } from './areas.types';

export const areaKeys = {
  all: ['areas'] as const,
  list: (date: string) => ['areas', 'list', date] as const,
};

export const areasApi = {
  list: (date: string) => api<{ date: string; items: AreaDesignation[] }>('/areas/risk', { query: { date } }),
  set: (input: SetAreaLevel) => api<AreaDesignation>('/areas/risk', { method: 'POST', body: input }),
};
