import { AuditOutlined, DashboardOutlined, EnvironmentOutlined, NodeIndexOutlined, ScheduleOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavGroup } from '../../app/layout/navigation';
import { RequirePermission } from '../../app/routing/RequirePermission';

const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const PersonsPage = lazy(() => import('./persons/PersonsPage'));
const PersonDetailPage = lazy(() => import('./persons/PersonDetailPage'));
const TracingPage = lazy(() => import('./tracing/TracingPage'));
const FollowupsPage = lazy(() => import('./followups/FollowupsPage'));
const CheckpointsPage = lazy(() => import('./checkpoints/CheckpointsPage'));
const AreasPage = lazy(() => import('./areas/AreasPage'));
const TravelChecksPage = lazy(() => import('./travel/TravelChecksPage'));

/** Pages of the epidemic capability, mounted inside the signed-in layout. */
export const epidemicRoutes: RouteObject[] = [
  {
    path: '/epidemic/dashboard',
    element: (
      <RequirePermission permission="persons:read">
        <DashboardPage />
      </RequirePermission>
    ),
  },
  {
    path: '/epidemic/persons',
    element: (
      <RequirePermission permission="persons:read">
        <PersonsPage />
      </RequirePermission>
    ),
  },
  {
    path: '/epidemic/persons/:id',
    element: (
      <RequirePermission permission="persons:read">
        <PersonDetailPage />
      </RequirePermission>
    ),
  },
  {
    path: '/epidemic/tracing',
    element: (
      <RequirePermission permission="persons:read">
        <TracingPage />
      </RequirePermission>
    ),
  },
  {
    path: '/epidemic/followups',
    element: (
      <RequirePermission permission="persons:read">
        <FollowupsPage />
      </RequirePermission>
    ),
  },
  {
    path: '/epidemic/checkpoints',
    element: (
      <RequirePermission permission="travel:check">
        <CheckpointsPage />
      </RequirePermission>
    ),
  },
  {
    path: '/epidemic/areas',
    element: (
      <RequirePermission permission="persons:read">
        <AreasPage />
      </RequirePermission>
    ),
  },
  {
    path: '/epidemic/travel-checks',
    element: (
      <RequirePermission permission="persons:read">
        <TravelChecksPage />
      </RequirePermission>
    ),
  },
];

/** The epidemic capability's group in the side menu. */
export const epidemicNavigation: NavGroup[] = [
  {
    key: 'epidemic',
    labelKey: 'epidemic.nav.group',
    items: [
      { path: '/epidemic/dashboard', labelKey: 'epidemicDashboard.nav', icon: <DashboardOutlined />, permission: 'persons:read' },
      { path: '/epidemic/persons', labelKey: 'epidemic.nav.persons', icon: <UserOutlined />, permission: 'persons:read' },
      { path: '/epidemic/tracing', labelKey: 'epidemicOps.nav.tracing', icon: <NodeIndexOutlined />, permission: 'persons:read' },
      { path: '/epidemic/followups', labelKey: 'epidemicOps.nav.followups', icon: <ScheduleOutlined />, permission: 'persons:read' },
      { path: '/epidemic/checkpoints', labelKey: 'epidemicOps.nav.checkpoints', icon: <SafetyCertificateOutlined />, permission: 'travel:check' },
      { path: '/epidemic/areas', labelKey: 'epidemicOps.nav.areas', icon: <EnvironmentOutlined />, permission: 'persons:read' },
      { path: '/epidemic/travel-checks', labelKey: 'epidemicOps.travel.log.nav', icon: <AuditOutlined />, permission: 'persons:read' },
    ],
  },
];
