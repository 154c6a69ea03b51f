/** A user account as the administration API returns it. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  ground: {
    regionCodes: string[];
    departmentId: string | null;
    enterpriseId: string | null;
  };
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
  version: number;
}

export interface UserCreate {
  username: string;
  displayName: string;
  roles: string[];
  regionCodes: string[];
  departmentId?: string;
  enterpriseId?: string;
  password: string;
}

export interface UserPatch {
  version: number;
  displayName?: string;
  roles?: string[];
  regionCodes?: string[];
  departmentId?: string | null;
  disabled?: boolean;
}
