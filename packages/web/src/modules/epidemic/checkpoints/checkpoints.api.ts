import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { Arrival, ArrivalInput, ArrivalRegistered, Checkpoint, DeviceToken, IssuedDeviceToken } from './checkpoints.types';

export const checkpointKeys = {
  all: ['checkpoints'] as const,
  list: ['checkpoints', 'list'] as const,
  arrivals: (checkpointId: string) => ['checkpoints', 'arrivals', checkpointId] as const,
  tokens: (checkpointId: string) => ['checkpoints', 'tokens', checkpointId] as const,
};

export const checkpointsApi = {
  list: () => api<{ items: Checkpoint[] }>('/checkpoints'),
  arrivals: (checkpointId: string, cursor: string | null) => api<Page<Arrival>>(`/checkpoints/${encodeURIComponent(checkpointId)}/arrivals`, { query: { limit: PAGE_SIZE, cursor } }),
  tokens: (checkpointId: string) => api<{ items: DeviceToken[] }>(`/checkpoints/${encodeURIComponent(checkpointId)}/tokens`),
  issueToken: (checkpointId: string, name: string) => api<IssuedDeviceToken>(`/checkpoints/${encodeURIComponent(checkpointId)}/tokens`, { method: 'POST', body: { name } }),
  revokeToken: (checkpointId: string, tokenId: string) => api<DeviceToken>(`/checkpoints/${encodeURIComponent(checkpointId)}/tokens/${encodeURIComponent(tokenId)}/revoke`, { method: 'POST' }),
  registerArrival: (checkpointId: string, input: ArrivalInput) => api<ArrivalRegistered>(`/checkpoints/${encodeURIComponent(checkpointId)}/arrivals`, { method: 'POST', body: input }),
};
