import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ADMIN_ROLES, PERMISSIONS, ROLES, conflictingAdminRoles, isRole, permissionsOf, type Role } from './roles.js';

const roleSets = fc.subarray([...ROLES]);

describe('separated admin roles (三权分立, GB/T 22239-2019 8.1.4.2 d)', () => {
  it('are exactly the system, security and audit admins', () => {
    expect([...ADMIN_ROLES].sort()).toEqual(['audit_admin', 'security_admin', 'system_admin']);
  });

  it.each<[Role[], Role[]]>([
    [['system_admin', 'security_admin'], ['system_admin', 'security_admin']],
    [['system_admin', 'audit_admin'], ['system_admin', 'audit_admin']],
    [['security_admin', 'audit_admin'], ['security_admin', 'audit_admin']],
    [['audit_admin', 'system_admin'], ['system_admin', 'audit_admin']],
    [['system_admin', 'security_admin', 'audit_admin'], ['system_admin', 'security_admin', 'audit_admin']],
    [['city_leader', 'security_admin', 'grid_worker', 'audit_admin'], ['security_admin', 'audit_admin']],
  ])('refuses an account holding %j, naming %j', (roles, conflicting) => {
    expect(conflictingAdminRoles(roles)).toEqual(conflicting);
  });

  it.each<[Role[]]>([
    [[]],
    [['system_admin']],
    [['security_admin']],
    [['audit_admin']],
    [['system_admin', 'system_admin']],
    [['system_admin', 'city_leader']],
    [['audit_admin', 'district_officer', 'grid_worker']],
    [['city_leader', 'department_regulator', 'district_officer', 'town_officer']],
  ])('allows an account holding %j', (roles) => {
    expect(conflictingAdminRoles(roles)).toEqual([]);
  });

  it('conflicts exactly when a role set holds two or more different admin roles', () => {
    fc.assert(
      fc.property(roleSets, (roles) => {
        const admins = roles.filter((r) => ADMIN_ROLES.includes(r));
        const conflicts = conflictingAdminRoles(roles);
        if (admins.length >= 2) expect([...conflicts].sort()).toEqual([...admins].sort());
        else expect(conflicts).toEqual([]);
      }),
    );
  });
});

describe('permissions of roles', () => {
  it('gives the system admin users, units, regions and the training library but never the audit trail or security policy', () => {
    const granted = permissionsOf(['system_admin']);
    expect(granted).toEqual(['regions:read', 'regions:manage', 'units:read', 'units:manage', 'users:manage', 'training:read', 'training:manage']);
    expect(granted).not.toContain('audit:read');
    expect(granted).not.toContain('security:manage');
  });

  it('gives the security admin security policy but not users or the audit trail', () => {
    const granted = permissionsOf(['security_admin']);
    expect(granted).toContain('security:manage');
    expect(granted).not.toContain('users:manage');
    expect(granted).not.toContain('audit:read');
  });

  it('gives the audit admin the audit trail, and its purge past the retention period, and nothing else', () => {
    expect(permissionsOf(['audit_admin'])).toEqual(['audit:read', 'audit:purge']);
  });

  it('grants no management or audit permission to any non-admin role', () => {
    for (const role of ROLES.filter((r) => !ADMIN_ROLES.includes(r))) {
      const granted = permissionsOf([role]);
      expect(granted).toContain('regions:read');
      for (const p of ['regions:manage', 'units:manage', 'users:manage', 'security:manage', 'audit:read', 'audit:purge'] as const) {
        expect(granted).not.toContain(p);
      }
    }
  });

  it.each<[Role, boolean]>([
    ['city_leader', true],
    ['department_regulator', true],
    ['district_officer', true],
    ['town_officer', true],
    ['grid_worker', false],
    ['checkpoint_officer', false],
    ['enterprise_officer', false],
  ])('%s may read units: %s', (role, readsUnits) => {
    expect(permissionsOf([role]).includes('units:read')).toBe(readsUnits);
  });

  it('gives nothing to an account with no role (default deny)', () => {
    expect(permissionsOf([])).toEqual([]);
  });

  it('unites the permissions of several roles, without duplicates, in the canonical order', () => {
    expect(permissionsOf(['audit_admin', 'checkpoint_officer'])).toEqual(['regions:read', 'audit:read', 'audit:purge', 'persons:read', 'persons:manage', 'travel:check']);
    expect(permissionsOf(['checkpoint_officer', 'checkpoint_officer'])).toEqual(['regions:read', 'persons:read', 'persons:manage', 'travel:check']);
  });

  it('for any role set, is the union of the single roles, listed in PERMISSIONS order', () => {
    fc.assert(
      fc.property(roleSets, fc.boolean(), (roles, reverse) => {
        const ordered = reverse ? [...roles].reverse() : roles;
        const granted = permissionsOf(ordered);
        const union = new Set(roles.flatMap((r) => permissionsOf([r])));
        expect(new Set(granted)).toEqual(union);
        expect(granted).toHaveLength(union.size);
        expect(granted).toEqual(PERMISSIONS.filter((p) => union.has(p)));
      }),
    );
  });

  it('recognises exactly the declared roles', () => {
    for (const role of ROLES) expect(isRole(role)).toBe(true);
    for (const value of ['', 'admin', 'root', 'System_Admin', 'system_admin ', 'superuser']) expect(isRole(value)).toBe(false);
  });
});
