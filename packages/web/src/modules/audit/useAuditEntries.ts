import { useCursorList } from '../../app/api/useCursorList';
import { auditApi, auditKeys } from './audit.api';
import type { AuditFilter } from './audit.types';

export function useAuditEntries(filter: AuditFilter) {
  return useCursorList(auditKeys.list(filter), (cursor) => auditApi.list(filter, cursor));
}
