import { api } from '../../../app/api/client';
import { PAGE_SIZE, type ItemsResponse, type Page } from '../../../app/api/page';
import { downloadFile, uploadFile } from '../shared/files';
import type { Enterprise, EnterpriseFilter, EnterpriseInput, EnterprisePatch, ImportMode, ImportResult, Industry, SupervisingUnit } from './enterprises.types';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (filter: EnterpriseFilter) => ['enterprises', 'list', filter] as const,
  one: (id: string) => ['enterprises', 'one', id] as const,
  parks: ['enterprises', 'parks'] as const,
  industries: ['safety', 'industries'] as const,
  supervisingUnits: ['safety', 'supervising-units'] as const,
};

export const enterprisesApi = {
  list: (filter: EnterpriseFilter, cursor: string | null) => api<Page<Enterprise>>('/enterprises', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  get: (id: string) => api<Enterprise>(`/enterprises/${encodeURIComponent(id)}`),
  create: (input: EnterpriseInput) => api<Enterprise>('/enterprises', { method: 'POST', body: input }),
  update: (id: string, patch: EnterprisePatch) => api<Enterprise>(`/enterprises/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  parks: () => api<ItemsResponse<string>>('/enterprises/parks'),
  industries: () => api<ItemsResponse<Industry>>('/safety/industries'),
  supervisingUnits: () => api<ItemsResponse<SupervisingUnit>>('/safety/supervising-units'),
  downloadTemplate: () => downloadFile('/enterprises/import-template.xlsx', {}, 'enterprise-import-template.xlsx'),
  downloadErrorReport: (id: string) => downloadFile(`/enterprises/import-errors/${encodeURIComponent(id)}.xlsx`, {}, 'enterprise-import-errors.xlsx'),
  export: (filter: EnterpriseFilter) => downloadFile('/enterprises/export.xlsx', { ...filter }, 'enterprises.xlsx'),
  // 422: all_or_nothing refused the file; the body still lists the rows and the report.
  import: (file: Blob, mode: ImportMode) => uploadFile<ImportResult>('/enterprises/import', { mode }, file, XLSX_TYPE, [422]),
};
