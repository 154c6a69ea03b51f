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
  // Removes audit rows older than the retention period (at least 180 days, SECURITY.md row 13).
  'audit:purge',
  // Work safety
  'enterprises:read',
  'enterprises:manage',
  'hazards:read',
  'hazards:manage',
  'accidents:read',
  'accidents:report',
  // Duty lists, responsibility letters and region leaders (安全生产责任体系).
  'responsibility:read',
  'responsibility:manage',
  // Accountability records (失职追责): reading them, and recording a decision.
  'accountability:read',
  'accountability:decide',
  // Training and study (培训学习): the course library and sessions, attending one, safety certificates.
  'training:read',
  'training:attend',
  'training:manage',
  'certificates:read',
  'certificates:manage',
  // Special rectification campaigns (专项整治) are organised by regulators; everyone who reads hazards reads them.
  'campaigns:manage',
  // Enforcement records (执法): regulators write them, the enterprise concerned reads its own.
  'enforcement:read',
  'enforcement:manage',
  // Epidemic control
  'persons:read',
  'persons:manage',
  'persons:unmask',
  'followups:write',
  'travel:check',
  'epidemic:policy',
  // Issues and revokes the API tokens of a checkpoint's gate devices (decision 0025).
  'checkpoints:manage',
  // Lists leave the system only through audited exports (SECURITY.md row 18).
  'data:export',
  // Approves another official's export of a list of persons above the threshold (decision 0018).
  'exports:approve',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const SAFETY_READ: Permission[] = ['enterprises:read', 'hazards:read', 'accidents:read', 'enforcement:read'];
const SAFETY_WORK: Permission[] = [...SAFETY_READ, 'enterprises:manage', 'hazards:manage', 'accidents:report', 'campaigns:manage', 'enforcement:manage'];
// Everyone trained records what they watched; regulators organise sessions and keep certificates.
const TRAINING_ATTEND: Permission[] = ['training:read', 'training:attend'];
const TRAINING_WORK: Permission[] = [...TRAINING_ATTEND, 'training:manage', 'certificates:read', 'certificates:manage'];
// Towns keep their own duty lists and letters; deciding accountability sits with districts, regulators and the city.
const RESPONSIBILITY_WORK: Permission[] = ['responsibility:read', 'responsibility:manage', 'accountability:read'];
const EPIDEMIC_READ: Permission[] = ['persons:read'];
const EPIDEMIC_WORK: Permission[] = [...EPIDEMIC_READ, 'persons:manage', 'followups:write', 'travel:check'];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // The system admin runs users, units and configuration but never reads the audit trail.
  system_admin: ['regions:read', 'regions:manage', 'units:read', 'units:manage', 'users:manage', 'training:read', 'training:manage'],
  security_admin: ['regions:read', 'units:read', 'security:manage'],
  // The audit admin reads the trail and purges what is past its retention, nothing else.
  audit_admin: ['audit:read', 'audit:purge'],
  city_leader: ['regions:read', 'units:read', ...SAFETY_READ, 'responsibility:read', 'accountability:read', 'accountability:decide', ...EPIDEMIC_READ, 'epidemic:policy', 'checkpoints:manage', 'data:export', 'exports:approve', ...TRAINING_ATTEND, 'certificates:read'],
  department_regulator: ['regions:read', 'units:read', ...SAFETY_WORK, ...RESPONSIBILITY_WORK, 'accountability:decide', ...EPIDEMIC_READ, 'data:export', ...TRAINING_WORK],
  district_officer: ['regions:read', 'units:read', ...SAFETY_WORK, ...RESPONSIBILITY_WORK, 'accountability:decide', ...EPIDEMIC_WORK, 'checkpoints:manage', 'persons:unmask', 'data:export', ...TRAINING_WORK],
  town_officer: ['regions:read', 'units:read', ...SAFETY_WORK, ...RESPONSIBILITY_WORK, ...EPIDEMIC_WORK, 'checkpoints:manage', 'persons:unmask', ...TRAINING_WORK],
  grid_worker: ['regions:read', 'enterprises:read', 'hazards:read', 'hazards:manage', ...EPIDEMIC_WORK, ...TRAINING_ATTEND],
  checkpoint_officer: ['regions:read', 'persons:read', 'persons:manage', 'travel:check'],
  enterprise_officer: ['regions:read', 'enterprises:read', 'hazards:read', 'hazards:manage', 'accidents:report', 'enforcement:read', ...TRAINING_ATTEND, 'certificates:read', 'certificates:manage'],
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
