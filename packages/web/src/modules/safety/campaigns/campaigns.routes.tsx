import { FlagOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import type { NavItem } from '../../../app/layout/navigation';
import { RequirePermission } from '../../../app/routing/RequirePermission';

const CampaignsPage = lazy(() => import('./CampaignsPage'));
const CampaignDetailPage = lazy(() => import('./CampaignDetailPage'));

/** Special rectification campaigns (专项整治), mounted by the safety module. */
export const campaignsRoutes: RouteObject[] = [
  {
    path: '/safety/campaigns',
    element: (
      <RequirePermission permission="hazards:read">
        <CampaignsPage />
      </RequirePermission>
    ),
  },
  {
    path: '/safety/campaigns/:id',
    element: (
      <RequirePermission permission="hazards:read">
        <CampaignDetailPage />
      </RequirePermission>
    ),
  },
];

export const campaignsNavItems: NavItem[] = [{ path: '/safety/campaigns', labelKey: 'campaigns.nav', icon: <FlagOutlined />, permission: 'hazards:read' }];
