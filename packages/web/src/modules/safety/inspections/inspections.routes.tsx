import { FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const InspectionsPage = lazy(() => import('./InspectionsPage'));
const InspectionFormPage = lazy(() => import('./InspectionFormPage'));
const InspectionDetailPage = lazy(() => import('./InspectionDetailPage'));

/** Inspections against checklist templates (检查), mounted by the safety module. */
export const inspectionsRoutes: RouteObject[] = [
  {
    path: '/safety/inspections',
    element: (
      <RequirePermission permission="hazards:read">
        <InspectionsPage />
      </RequirePermission>
    ),
  },
  {
    path: '/safety/inspections/new',
    element: (
      <RequirePermission permission="hazards:manage">
        <InspectionFormPage />
      </RequirePermission>
    ),
  },
  {
    path: '/safety/inspections/:id',
    element: (
      <RequirePermission permission="hazards:read">
        <InspectionDetailPage />
      </RequirePermission>
    ),
  },
];

export const inspectionsNavItems: NavItem[] = [{ path: '/safety/inspections', labelKey: 'hazards.nav.inspections', icon: <FileSearchOutlined />, permission: 'hazards:read' }];
