import { api } from '../../../app/api/client';
import type { Followup, FollowupInput, FollowupsToday, GridAlert, MissedFollowups } from './followups.types';

export const followupKeys = {
  all: ['followups'] as const,
  today: (gridCode: string | undefined, date: string) => ['followups', 'today', gridCode ?? '', date] as const,
  missed: (regionCode: string | undefined, date: string) => ['followups', 'missed', regionCode ?? '', date] as const,
  alerts: ['followups', 'alerts'] as const,
};

export const followupsApi = {
  today: (gridCode: string | undefined, date: string) => api<FollowupsToday>('/followups/today', { query: { gridCode, date } }),
  missed: (regionCode: string | undefined, date: string) => api<MissedFollowups>('/followups/missed', { query: { regionCode, date } }),
  record: (personId: string, input: FollowupInput) => api<Followup>(`/persons/${encodeURIComponent(personId)}/followups`, { method: 'POST', body: input }),
  release: (personId: string, version: number) => api<{ personId: string; releasedOn: string }>(`/persons/${encodeURIComponent(personId)}/release`, { method: 'POST', body: { version } }),
  alerts: () => api<{ items: GridAlert[] }>('/alerts', { query: { status: 'open', limit: 50 } }),
  acknowledge: (id: string) => api<void>(`/alerts/${encodeURIComponent(id)}/acknowledge`, { method: 'POST' }),
};
