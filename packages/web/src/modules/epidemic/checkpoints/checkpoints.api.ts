import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { Arrival, ArrivalInput, ArrivalRegistered, Checkpoint } from './checkpoints.types';

export const checkpointKeys = {
  all: ['checkpoints'] as const,
  list: ['checkpoints', 'list'] as const,
  arrivals: (checkpointId: string) => ['checkpoints', 'arrivals', checkpointId] as const,
};

export const checkpointsApi = {
  list: () => api<{ items: Checkpoint[] }>('/checkpoints'),
  arrivals: (checkpointId: string, cursor: string | null) => api<Page<Arrival>>(`/checkpoints/${encodeURIComponent(checkpointId)}/arrivals`, { query: { limit: PAGE_SIZE, cursor } }),
  registerArrival: (checkpointId: string, input: ArrivalInput) => api<ArrivalRegistered>(`/checkpoints/${encodeURIComponent(checkpointId)}/arrivals`, { method: 'POST', body: input }),
};
