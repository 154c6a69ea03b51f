export { ROLES, type Role, type Permission } from '@shoutu/domain';

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
