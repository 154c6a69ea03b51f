import { api } from '../../../app/api/client';
import { ApiError, isProblem } from '../../../app/api/problem';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import { downloadFile, uploadFile } from '../../safety/shared/files';
import type { ImportMode, ImportOutcome, ImportRowError, Person, PersonDetail, PersonFilter, PersonPatch, PersonRegistration, UnmaskedPerson } from './persons.types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file refused as a whole answers 400 import_rejected with its rows; shown like an import of nothing. */
type Refusal = { code?: string; errors?: ImportRowError[]; truncated?: boolean };

async function importFile(file: File, mode: ImportMode): Promise<ImportOutcome> {
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX_TYPE;
  const answer = await uploadFile<ImportOutcome | Refusal>('/persons/import', { mode }, file, type, [400]);
  if ('imported' in answer) return answer;
  if (answer.code !== 'import_rejected') throw new ApiError(400, isProblem(answer) ? answer : null);
  const errors = answer.errors ?? [];
  return { mode, imported: 0, rejected: new Set(errors.map((e) => e.row)).size, errors, truncated: answer.truncated ?? false };
}

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
  downloadTemplate: () => downloadFile('/persons/import-template.xlsx', {}, 'person-import-template.xlsx'),
  import: importFile,
  unmask: (id: string, reason: string) => api<UnmaskedPerson>(`/persons/${encodeURIComponent(id)}/unmask`, { method: 'POST', body: { reason } }),
};
