import { api } from '../../../app/api/client';
import { PAGE_SIZE, type ItemsResponse, type Page } from '../../../app/api/page';
import type { DutyItem, DutyList, DutyListFilter, DutyTemplate, LeaderInput, Letter, LetterChange, LetterFilter, LetterSummary, RegionLeader, ResponsibilityChain, UnitInput } from './responsibility.types';

export const responsibilityKeys = {
  all: ['responsibility'] as const,
  templates: ['responsibility', 'templates'] as const,
  lists: (filter: DutyListFilter) => ['responsibility', 'lists', filter] as const,
  letters: (filter: LetterFilter) => ['responsibility', 'letters', filter] as const,
  summary: (year: number) => ['responsibility', 'letters-summary', year] as const,
  leaders: (regionCode: string | undefined) => ['responsibility', 'leaders', regionCode ?? ''] as const,
  chain: (enterpriseId: string) => ['responsibility', 'chain', enterpriseId] as const,
};

const enc = encodeURIComponent;

export const responsibilityApi = {
  templates: () => api<ItemsResponse<DutyTemplate>>('/safety/duty-templates'),
  updateTemplate: (id: string, body: { version: number; name?: string; post?: string; items?: Array<DutyItem & { verify?: boolean }>; source?: string | null }) =>
    api<DutyTemplate>(`/safety/duty-templates/${enc(id)}`, { method: 'PATCH', body }),
  lists: (filter: DutyListFilter, cursor: string | null) => api<Page<DutyList>>('/safety/duty-lists', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  createList: (body: UnitInput & { templateId: string; post?: string | null }) => api<DutyList>('/safety/duty-lists', { method: 'POST', body }),
  updateList: (id: string, body: { version: number; post?: string; items?: DutyItem[] }) => api<DutyList>(`/safety/duty-lists/${enc(id)}`, { method: 'PATCH', body }),
  deleteList: (id: string, version: number) => api<void>(`/safety/duty-lists/${enc(id)}`, { method: 'DELETE', query: { version } }),
  letters: (filter: LetterFilter, cursor: string | null) => api<Page<Letter>>('/safety/responsibility-letters', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  summary: (year: number) => api<LetterSummary>('/safety/responsibility-letters/summary', { query: { year } }),
  createLetter: (body: UnitInput & { year: number; issuer: string; title?: string }) => api<Letter>('/safety/responsibility-letters', { method: 'POST', body }),
  changeLetter: (id: string, body: LetterChange & { version: number }) => api<Letter>(`/safety/responsibility-letters/${enc(id)}`, { method: 'PATCH', body }),
  leaders: (regionCode: string | undefined, cursor: string | null) => api<Page<RegionLeader>>('/safety/region-leaders', { query: { limit: PAGE_SIZE, cursor, regionCode } }),
  createLeader: (body: LeaderInput) => api<RegionLeader>('/safety/region-leaders', { method: 'POST', body }),
  updateLeader: (id: string, body: Partial<Omit<LeaderInput, 'regionCode'>> & { version: number }) => api<RegionLeader>(`/safety/region-leaders/${enc(id)}`, { method: 'PATCH', body }),
  deleteLeader: (id: string, version: number) => api<void>(`/safety/region-leaders/${enc(id)}`, { method: 'DELETE', query: { version } }),
  chain: (enterpriseId: string) => api<ResponsibilityChain>(`/enterprises/${enc(enterpriseId)}/responsibility-chain`),
};
