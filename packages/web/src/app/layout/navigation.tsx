import { ApartmentOutlined, AuditOutlined, ClusterOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from '../../modules/auth/api/auth.types';
import { epidemicNavigation } from '../../modules/epidemic/epidemic.module';
import { safetyNavigation } from '../../modules/safety/safety.module';
import { exportsNavigation } from '../../modules/exports/exports.module';

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  permission: Permission;
}

export interface NavGroup {
  key: string;
  labelKey: string;
  items: NavItem[];
}

/**
 * The side menu, grouped by capability: each capability exports its groups from its
 * `<capability>.module.tsx`; the home page is the first entry the user may open.
 */
export const NAVIGATION: NavGroup[] = [
  ...safetyNavigation,
  ...epidemicNavigation,
  ...exportsNavigation,
  {
    key: 'foundation',
    labelKey: 'nav.group.foundation',
    items: [{ path: '/regions', labelKey: 'nav.regions', icon: <ClusterOutlined />, permission: 'regions:read' }],
  },
  {
    key: 'administration',
    labelKey: 'nav.group.administration',
    items: [
      { path: '/admin/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: 'users:manage' },
      { path: '/admin/units', labelKey: 'nav.units', icon: <ApartmentOutlined />, permission: 'units:manage' },
      { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit:read' },
    ],
  },
];

/** The menu as the holder of `permissions` may see it: forbidden entries and empty groups removed. */
export function allowedNavigation(permissions: readonly string[]): NavGroup[] {
  return NAVIGATION.map((group) => ({
    ...group,
    items: group.items.filter((item) => permissions.includes(item.permission)),
  })).filter((group) => group.items.length > 0);
}
