/** Mirrors the role and permission codes of packages/domain/src/access/roles.ts. */
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

export type Permission =
  | 'regions:read'
  | 'regions:manage'
  | 'units:read'
  | 'units:manage'
  | 'users:manage'
  | 'security:manage'
  | 'audit:read';

export interface GroundRegion {
  code: string;
  name: string;
}

/** The signed-in user, as `GET /auth/me` returns it. */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: string[];
  mustChangePassword: boolean;
  ground: {
    regionCodes: string[];
    regions: GroundRegion[];
    departmentId: string | null;
    enterpriseId: string | null;
  };
}

export interface DemoAccount {
  username: string;
  roleLabelKey: string;
  description: string;
}

export interface SystemInfo {
  name: string;
  version: string;
  demo: boolean;
  demoAccounts?: DemoAccount[];
  demoPassword?: string;
}

export interface Credentials {
  username: string;
  password: string;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}
