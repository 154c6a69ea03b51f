import type { Permission } from '../api/auth.types';
import { useMe } from './useMe';

/** Whether the signed-in user holds a permission (the server checks again on every call). */
export function usePermission(permission: Permission): boolean {
  const { me } = useMe();
  return me?.permissions.includes(permission) ?? false;
}
