import { ExportOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavGroup } from '../../app/layout/navigation';
import { RequirePermission } from '../../app/routing/RequirePermission';

const ExportsPage = lazy(() => import('./ExportsPage'));

/** The exports page, mounted inside the signed-in layout. */
export const exportsRoutes: RouteObject[] = [
  {
    path: '/exports',
    element: (
      <RequirePermission permission="data:export">
        <ExportsPage />
      </RequirePermission>
    ),
  },
];

/** 数据导出 in the side menu, for everyone who may export lists. */
export const exportsNavigation: NavGroup[] = [
  {
    key: 'exports',
    labelKey: 'exports.nav.group',
    items: [{ path: '/exports', labelKey: 'exports.nav.exports', icon: <ExportOutlined />, permission: 'data:export' }],
  },
];
