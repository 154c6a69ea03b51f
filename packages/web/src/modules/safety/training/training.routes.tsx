import { BarChartOutlined, IdcardOutlined, PlayCircleOutlined, ReadOutlined } from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const CoursesPage = lazy(() => import('./CoursesPage'));
const SessionsPage = lazy(() => import('./SessionsPage'));
const SessionDetailPage = lazy(() => import('./SessionDetailPage'));
const CertificatesPage = lazy(() => import('./CertificatesPage'));
const AttendanceRatesPage = lazy(() => import('./AttendanceRatesPage'));

const guarded = (permission: 'training:read' | 'certificates:read', element: ReactNode) => <RequirePermission permission={permission}>{element}</RequirePermission>;

/** Training and study (培训学习), mounted by the safety module. */
export const trainingRoutes: RouteObject[] = [
  { path: '/safety/training/courses', element: guarded('training:read', <CoursesPage />) },
  { path: '/safety/training/sessions', element: guarded('training:read', <SessionsPage />) },
  { path: '/safety/training/sessions/:id', element: guarded('training:read', <SessionDetailPage />) },
  { path: '/safety/training/certificates', element: guarded('certificates:read', <CertificatesPage />) },
  { path: '/safety/training/attendance', element: guarded('training:read', <AttendanceRatesPage />) },
];

export const trainingNavItems: NavItem[] = [
  { path: '/safety/training/sessions', labelKey: 'training.nav.sessions', icon: <PlayCircleOutlined />, permission: 'training:read' },
  { path: '/safety/training/courses', labelKey: 'training.nav.courses', icon: <ReadOutlined />, permission: 'training:read' },
  { path: '/safety/training/attendance', labelKey: 'training.nav.attendance', icon: <BarChartOutlined />, permission: 'training:read' },
  { path: '/safety/training/certificates', labelKey: 'training.nav.certificates', icon: <IdcardOutlined />, permission: 'certificates:read' },
];
