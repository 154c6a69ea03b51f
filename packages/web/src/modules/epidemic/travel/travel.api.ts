import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { Denials, TravelCheckEntry, TravelCheckFilter, TravelCheckInput, TravelCheckResult } from './travel.types';

export const travelKeys = {
  denials: (from: string, to: string) => ['travel', 'denials', from, to] as const,
  log: (filter: TravelCheckFilter) => ['travel', 'log', filter] as const,
};

export const travelApi = {
  /** The ID number travels in the POST body, never in the URL. */
  check: (input: TravelCheckInput) => api<TravelCheckResult>('/travel/check', { method: 'POST', body: input }),
  denials: (from: string, to: string) => api<Denials>('/travel/denials', { query: { from, to } }),
  log: (filter: TravelCheckFilter, cursor: string | null) => api<Page<TravelCheckEntry>>('/travel-checks', { query: { limit: PAGE_SIZE, cursor, day: filter.day, decision: filter.decision } }),
};
