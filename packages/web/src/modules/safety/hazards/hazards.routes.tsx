import { InboxOutlined, WarningOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const HazardsPage = lazy(() => import('./HazardsPage'));
const HazardDetailPage = lazy(() => import('./HazardDetailPage'));
const HazardInboxPage = lazy(() => import('./HazardInboxPage'));

/** Hidden-hazard governance (隐患治理), mounted by the safety module. */
export const hazardsRoutes: RouteObject[] = [
  {
    path: '/safety/inbox',
    element: (
      <RequirePermission permission="hazards:read">
        <HazardInboxPage />
      </RequirePermission>
    ),
  },
  {
    path: '/safety/hazards',
    element: (
      <RequirePermission permission="hazards:read">
        <HazardsPage />
      </RequirePermission>
    ),
  },
  {
    path: '/safety/hazards/:id',
    element: (
      <RequirePermission permission="hazards:read">
        <HazardDetailPage />
      </RequirePermission>
    ),
  },
];

export const hazardsNavItems: NavItem[] = [{ path: '/safety/hazards', labelKey: 'hazards.nav.hazards', icon: <WarningOutlined />, permission: 'hazards:read' }];

/** 我的待办 opens the safety menu, so that it is the first page of everyone who works hazards (regulators, enterprise officers). */
export const hazardInboxNavItems: NavItem[] = [{ path: '/safety/inbox', labelKey: 'hazards.nav.inbox', icon: <InboxOutlined />, permission: 'hazards:read' }];
