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
  /** 'enrol' while an admin must set up TOTP before anything else. */
  secondFactor: 'not_required' | 'enrol' | 'verified';
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
  /** Demo mode only: whether the demo admins are asked for a TOTP code. */
  adminTotp?: 'required' | 'off';
}

export interface Credentials {
  username: string;
  password: string;
  /** The 6-digit authenticator code; sent once the server asked for it. */
  totp?: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}
