import { FileSearchOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const CandidatesPage = lazy(() => import('./CandidatesPage'));
const RecordsPage = lazy(() => import('./RecordsPage'));
const RecordDetailPage = lazy(() => import('./RecordDetailPage'));

const guarded = (element: ReactNode) => <RequirePermission permission="accountability:read">{element}</RequirePermission>;

/** Accountability (失职追责), mounted by the safety module. */
export const accountabilityRoutes: RouteObject[] = [
  { path: '/safety/accountability/candidates', element: guarded(<CandidatesPage />) },
  { path: '/safety/accountability/records', element: guarded(<RecordsPage />) },
  { path: '/safety/accountability/records/:id', element: guarded(<RecordDetailPage />) },
];

export const accountabilityNavItems: NavItem[] = [
  { path: '/safety/accountability/candidates', labelKey: 'accountability.nav.candidates', icon: <FileSearchOutlined />, permission: 'accountability:read' },
  { path: '/safety/accountability/records', labelKey: 'accountability.nav.records', icon: <SolutionOutlined />, permission: 'accountability:read' },
];
