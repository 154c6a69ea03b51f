import { PartitionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const ResponsibilityPage = lazy(() => import('./ResponsibilityPage'));

/** The responsibility system (责任体系), mounted by the safety module. */
export const responsibilityRoutes: RouteObject[] = [
  {
    path: '/safety/responsibility',
    element: (
      <RequirePermission permission="responsibility:read">
        <ResponsibilityPage />
      </RequirePermission>
    ),
  },
];

export const responsibilityNavItems: NavItem[] = [{ path: '/safety/responsibility', labelKey: 'responsibility.nav', icon: <PartitionOutlined />, permission: 'responsibility:read' }];
