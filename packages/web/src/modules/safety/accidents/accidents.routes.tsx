import { AlertOutlined, FallOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const AccidentsPage = lazy(() => import('./AccidentsPage'));
const AccidentDetailPage = lazy(() => import('./AccidentDetailPage'));
const DoubleDecreasePage = lazy(() => import('./DoubleDecreasePage'));

/** Accident reports and the double-decrease statistics, mounted by the safety module. */
export const accidentsRoutes: RouteObject[] = [
  {
    path: '/safety/accidents',
    element: (
      <RequirePermission permission="accidents:read">
        <AccidentsPage />
      </RequirePermission>
    ),
  },
  {
    path: '/safety/accidents/:id',
    element: (
      <RequirePermission permission="accidents:read">
        <AccidentDetailPage />
      </RequirePermission>
    ),
  },
  {
    path: '/safety/double-decrease',
    element: (
      <RequirePermission permission="accidents:read">
        <DoubleDecreasePage />
      </RequirePermission>
    ),
  },
];

export const accidentsNavItems: NavItem[] = [
  { path: '/safety/accidents', labelKey: 'accidents.nav.accidents', icon: <AlertOutlined />, permission: 'accidents:read' },
  { path: '/safety/double-decrease', labelKey: 'accidents.nav.doubleDecrease', icon: <FallOutlined />, permission: 'accidents:read' },
];
