/**
 * Roles and what they may do. DESIGN.md "Users and their ground"; the three admin roles are
 * separated duties (三权分立, GB/T 22239-2019 8.1.4.2 d): no account may hold two of them.
 */
export const ROLES = [
  'system_admin',
  'security_admin',
  'audit_admin',
  'city_leader',
  'department_regulator',
  'district_officer',
  'town_officer',
  'grid_worker',
  'checkpoint_officer',
  'enterprise_officer',
] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export const PERMISSIONS = [
  'regions:read',
  'regions:manage',
  'units:read',
  'units:manage',
  'users:manage',
  'security:manage',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // The system admin runs users, units and configuration but never reads the audit trail.
  system_admin: ['regions:read', 'regions:manage', 'units:read', 'units:manage', 'users:manage'],
  security_admin: ['regions:read', 'units:read', 'security:manage'],
  // The audit admin reads the trail and nothing else writes through this role.
  audit_admin: ['audit:read'],
  city_leader: ['regions:read', 'units:read'],
  department_regulator: ['regions:read', 'units:read'],
  district_officer: ['regions:read', 'units:read'],
  town_officer: ['regions:read', 'units:read'],
  grid_worker: ['regions:read'],
  checkpoint_officer: ['regions:read'],
  enterprise_officer: ['regions:read'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) granted.add(p);
  return PERMISSIONS.filter((p) => granted.has(p));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Returns the admin roles that conflict in a role set, or an empty list when the set is allowed. */
export function conflictingAdminRoles(roles: readonly Role[]): Role[] {
  const admins = ADMIN_ROLES.filter((r) => roles.includes(r));
  return admins.length > 1 ? admins : [];
}
