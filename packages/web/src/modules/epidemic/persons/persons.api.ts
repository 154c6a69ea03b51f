import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { Person, PersonDetail, PersonFilter, PersonPatch, PersonRegistration, UnmaskedPerson } from './persons.types';

export const personKeys = {
  all: ['persons'] as const,
  list: (filter: PersonFilter) => ['persons', 'list', filter] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
};

export const personsApi = {
  /** With an ID number or phone to find, the filter travels in a POST body: identifiers stay out of URLs and logs. */
  list: (filter: PersonFilter, cursor: string | null) =>
    filter.q
      ? api<Page<Person>>('/persons/search', { method: 'POST', body: { ...filter, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } })
      : api<Page<Person>>('/persons', { query: { limit: PAGE_SIZE, cursor, category: filter.category, status: filter.status, regionCode: filter.regionCode, registeredOn: filter.registeredOn } }),
  get: (id: string) => api<PersonDetail>(`/persons/${encodeURIComponent(id)}`),
  register: (person: PersonRegistration) => api<PersonDetail>('/persons', { method: 'POST', body: person }),
  update: (id: string, patch: PersonPatch) => api<PersonDetail>(`/persons/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  unmask: (id: string, reason: string) => api<UnmaskedPerson>(`/persons/${encodeURIComponent(id)}/unmask`, { method: 'POST', body: { reason } }),
};
