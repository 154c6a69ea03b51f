import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const EnforcementPage = lazy(() => import('./EnforcementPage'));
const EnforcementDetailPage = lazy(() => import('./EnforcementDetailPage'));

/** Enforcement records (执法), mounted by the safety module. */
export const enforcementRoutes: RouteObject[] = [
  {
    path: '/safety/enforcement',
    element: (
      <RequirePermission permission="enforcement:read">
        <EnforcementPage />
      </RequirePermission>
    ),
  },
  {
    path: '/safety/enforcement/:id',
    element: (
      <RequirePermission permission="enforcement:read">
        <EnforcementDetailPage />
      </RequirePermission>
    ),
  },
];

export const enforcementNavItems: NavItem[] = [{ path: '/safety/enforcement', labelKey: 'enforcement.nav', icon: <AuditOutlined />, permission: 'enforcement:read' }];
