import { forbiddenWrites, isRole, type FieldResource, type Permission as DomainPermission } from '@shoutu/domain';
import type { Permission } from '../api/auth.types';
import { useMe } from './useMe';

/**
 * Whether the signed-in user may write a field of a resource through a route needing `permission`:
 * the permission and the domain's field-level rules (SECURITY.md row 9). The server checks again;
 * this only keeps the page from offering what would be refused.
 */
export function useMayWrite(resource: FieldResource, field: string, permission: Permission): boolean {
  const { me } = useMe();
  if (!me?.permissions.includes(permission)) return false;
  return forbiddenWrites(resource, me.roles.filter(isRole), [field], permission as DomainPermission).length === 0;
}
