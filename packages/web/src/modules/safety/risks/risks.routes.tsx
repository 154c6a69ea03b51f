import { PieChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const RisksPage = lazy(() => import('./RisksPage'));

/** Risk graded control (风险分级管控), mounted by the safety module. */
export const risksRoutes: RouteObject[] = [
  {
    path: '/safety/risks',
    element: (
      <RequirePermission permission="hazards:read">
        <RisksPage />
      </RequirePermission>
    ),
  },
];

export const risksNavItems: NavItem[] = [{ path: '/safety/risks', labelKey: 'hazards.nav.risks', icon: <PieChartOutlined />, permission: 'hazards:read' }];
