import { api } from '../../app/api/client';
import { PAGE_SIZE, type Page } from '../../app/api/page';
import type { AuditEntry, AuditFilter, AuditVerification } from './audit.types';

export const auditKeys = {
  list: (filter: AuditFilter) => ['audit', 'list', filter] as const,
};

export const auditApi = {
  list: (filter: AuditFilter, cursor: string | null) =>
    api<Page<AuditEntry>>('/audit', { query: { limit: PAGE_SIZE, cursor, ...filter } }),
  verify: () => api<AuditVerification>('/audit/verify', { method: 'POST' }),
};
