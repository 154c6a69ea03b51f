import { ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const EnterprisesPage = lazy(() => import('./EnterprisesPage'));
const EnterpriseDetailPage = lazy(() => import('./EnterpriseDetailPage'));

/** The enterprise register (企业档案), mounted by the safety module. */
export const enterprisesRoutes: RouteObject[] = [
  {
    path: '/safety/enterprises',
    element: (
      <RequirePermission permission="enterprises:read">
        <EnterprisesPage />
      </RequirePermission>
    ),
  },
  {
    path: '/safety/enterprises/:id',
    element: (
      <RequirePermission permission="enterprises:read">
        <EnterpriseDetailPage />
      </RequirePermission>
    ),
  },
];

export const enterprisesNavItems: NavItem[] = [{ path: '/safety/enterprises', labelKey: 'safety.nav.enterprises', icon: <ShopOutlined />, permission: 'enterprises:read' }];
