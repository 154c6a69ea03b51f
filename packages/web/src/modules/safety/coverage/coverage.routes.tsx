import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const CoveragePage = lazy(() => import('./CoveragePage'));

/** The "three musts" coverage report and the industry mapping behind it. */
export const coverageRoutes: RouteObject[] = [
  {
    path: '/safety/coverage',
    element: (
      <RequirePermission permission="enterprises:read">
        <CoveragePage />
      </RequirePermission>
    ),
  },
];

export const coverageNavItems: NavItem[] = [{ path: '/safety/coverage', labelKey: 'safety.nav.coverage', icon: <SafetyCertificateOutlined />, permission: 'enterprises:read' }];
