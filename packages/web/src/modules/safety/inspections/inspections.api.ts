import { api } from '../../../app/api/client';
import { PAGE_SIZE, type ItemsResponse, type Page } from '../../../app/api/page';
import type { HazardDetail } from '../hazards/hazards.types';
import type { ChecklistTemplate, Inspection, InspectionFilter, InspectionInput, InspectionSummary } from './inspections.types';

export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (filter: InspectionFilter) => ['inspections', 'list', filter] as const,
  detail: (id: string) => ['inspections', 'detail', id] as const,
  templates: ['inspections', 'templates'] as const,
};

export const inspectionsApi = {
  templates: () => api<ItemsResponse<ChecklistTemplate>>('/safety/checklist-templates'),
  list: (filter: InspectionFilter, cursor: string | null) => api<Page<InspectionSummary>>('/inspections', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  get: (id: string) => api<Inspection>(`/inspections/${encodeURIComponent(id)}`),
  create: (input: InspectionInput) => api<Inspection>('/inspections', { method: 'POST', body: input }),
  itemToHazard: (id: string, number: number) => api<HazardDetail>(`/inspections/${encodeURIComponent(id)}/items/${number}/hazard`, { method: 'POST', body: {} }),
};
