import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { regionLevel } from '@shoutu/domain';
import { App, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { ExportButton } from '../../exports/ExportButton';
import { QueryError } from '../../../app/layout/QueryError';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { usePermission } from '../../auth/hooks/usePermission';
import { HazardFilters } from './HazardFilters';
import { HazardOverviewCard } from './HazardOverviewCard';
import { HazardsTable } from './HazardsTable';
import type { HazardDetail, HazardFilter } from './hazards.types';
import { HazardSettingsModal } from './HazardSettingsModal';
import { ReportHazardDrawer } from './ReportHazardDrawer';
import { useHazardSettings, useHazards } from './useHazards';

/** A filter may arrive in the address (?overdue=true from the command view, ?enterpriseId= from an enterprise). */
function filterFrom(params: URLSearchParams): HazardFilter {
  const filter: HazardFilter = {};
  const status = params.get('status');
  if (status === 'found' || status === 'rectifying' || status === 'awaiting_acceptance' || status === 'closed') filter.status = status;
  const grade = params.get('grade');
  if (grade === 'general' || grade === 'major') filter.grade = grade;
  if (params.get('overdue') === 'true') filter.overdue = true;
  if (params.get('acceptanceOverdue') === 'true') filter.acceptanceOverdue = true;
  const enterpriseId = params.get('enterpriseId');
  if (enterpriseId) filter.enterpriseId = enterpriseId;
  const regionCode = params.get('regionCode');
  if (regionCode && /^(\d{6}|\d{9}|\d{12})$/.test(regionCode)) filter.regionCode = regionCode;
  const campaignId = params.get('campaignId');
  if (campaignId) filter.campaignId = campaignId;
  return filter;
}

export default function HazardsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canManage = usePermission('hazards:manage');
  const me = useCurrentUser();
  // Time limits are set per city or province, by a regulator whose ground holds one (decision 0013).
  const settingsRegion = canManage ? me.ground.regionCodes.find((code) => ['city', 'province'].includes(regionLevel(code))) : undefined;
  const settings = useHazardSettings();
  const [editingSettings, setEditingSettings] = useState(false);
  const filter = filterFrom(params);
  const hazards = useHazards(filter);
  const [reporting, setReporting] = useState(false);

  const applyFilter = (next: HazardFilter) => setParams(Object.fromEntries(Object.entries(next).map(([key, value]) => [key, String(value)])));
  const reported = (hazard: HazardDetail) => {
    void message.success(t('hazards.report.done'));
    setReporting(false);
    navigate(`/safety/hazards/${hazard.id}`);
  };

  return (
    <>
      <PageHeader
        title={t('hazards.list.title')}
        description={t('hazards.list.description')}
        actions={
          <Space wrap>
            <ExportButton path="/hazards/export" filter={{ ...filter }} formats={['xlsx', 'csv', 'pdf']} testId="hazards-export" />
            {settingsRegion && settings.data && (
              <Button icon={<SettingOutlined />} onClick={() => setEditingSettings(true)} data-testid="hazard-settings">
                {t('hazards.settings.open')}
              </Button>
            )}
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)} data-testid="hazard-report">
                {t('hazards.report.open')}
              </Button>
            )}
          </Space>
        }
      />
      <HazardOverviewCard onPickRegion={(regionCode) => applyFilter({ ...filter, regionCode })} />
      <Card>
        <HazardFilters key={params.toString()} initial={filter} onChange={applyFilter} />
        <QueryError error={hazards.error} />
        <HazardsTable hazards={hazards.items} loading={hazards.isLoading} />
        <LoadMore hasMore={hazards.hasMore} loading={hazards.isLoadingMore} onLoadMore={hazards.loadMore} testId="hazards-load-more" />
      </Card>
      {editingSettings && settingsRegion && settings.data && <HazardSettingsModal current={settings.data} regionCode={settingsRegion} onClose={() => setEditingSettings(false)} />}
      {reporting && <ReportHazardDrawer onClose={() => setReporting(false)} onReported={reported} enterpriseId={filter.enterpriseId ?? null} />}
    </>
  );
}
