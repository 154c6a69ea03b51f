import { api } from '../../../app/api/client';
import type { Denials, TravelCheckInput, TravelCheckResult } from './travel.types';

export const travelKeys = {
  denials: (from: string, to: string) => ['travel', 'denials', from, to] as const,
};

export const travelApi = {
  /** The ID number travels in the POST body, never in the URL. */
  check: (input: TravelCheckInput) => api<TravelCheckResult>('/travel/check', { method: 'POST', body: input }),
  denials: (from: string, to: string) => api<Denials>('/travel/denials', { query: { from, to } }),
};
