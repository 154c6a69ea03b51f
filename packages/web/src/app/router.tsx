import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { HomeRedirect } from './routing/HomeRedirect';
import { NotFound } from './routing/NotFound';
import { PageFallback } from './routing/PageFallback';
import { RequireAuth } from './routing/RequireAuth';
import { RequirePermission } from './routing/RequirePermission';
import { epidemicRoutes } from '../modules/epidemic/epidemic.module';
import { safetyRoutes } from '../modules/safety/safety.module';
import { exportsRoutes } from '../modules/exports/exports.module';

// Every page is its own chunk, fetched the first time it is opened.
const LoginPage = lazy(() => import('../modules/auth/components/LoginPage'));
const ChangePasswordPage = lazy(() => import('../modules/auth/components/ChangePasswordPage'));
const EnrolTotpPage = lazy(() => import('../modules/auth/components/EnrolTotpPage'));
const RegionBrowserPage = lazy(() => import('../modules/regions/components/RegionBrowserPage'));
const UsersPage = lazy(() => import('../modules/admin/users/UsersPage'));
const UnitsPage = lazy(() => import('../modules/admin/units/UnitsPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageFallback />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        path: '/change-password',
        element: (
          <Suspense fallback={<PageFallback />}>
            <ChangePasswordPage />
          </Suspense>
        ),
      },
      {
        path: '/enrol-totp',
        element: (
          <Suspense fallback={<PageFallback />}>
            <EnrolTotpPage />
          </Suspense>
        ),
      },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          {
            path: '/regions',
            element: (
              <RequirePermission permission="regions:read">
                <RegionBrowserPage />
              </RequirePermission>
            ),
          },
          {
            path: '/admin/users',
            element: (
              <RequirePermission permission="users:manage">
                <UsersPage />
              </RequirePermission>
            ),
          },
          {
            path: '/admin/units',
            element: (
              <RequirePermission permission="units:manage">
                <UnitsPage />
              </RequirePermission>
            ),
          },
          {
            path: '/audit',
            element: (
              <RequirePermission permission="audit:read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          ...safetyRoutes,
          ...epidemicRoutes,
          ...exportsRoutes,
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
