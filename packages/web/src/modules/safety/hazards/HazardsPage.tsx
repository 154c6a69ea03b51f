import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { HazardFilters } from './HazardFilters';
import { HazardOverviewCard } from './HazardOverviewCard';
import { HazardsTable } from './HazardsTable';
import type { HazardDetail, HazardFilter } from './hazards.types';
import { ReportHazardDrawer } from './ReportHazardDrawer';
import { useHazards } from './useHazards';

/** A filter may arrive in the address (?overdue=true from the command view, ?enterpriseId= from an enterprise). */
function filterFrom(params: URLSearchParams): HazardFilter {
  const filter: HazardFilter = {};
  const status = params.get('status');
  if (status === 'found' || status === 'rectifying' || status === 'awaiting_acceptance' || status === 'closed') filter.status = status;
  const grade = params.get('grade');
  if (grade === 'general' || grade === 'major') filter.grade = grade;
  if (params.get('overdue') === 'true') filter.overdue = true;
  const enterpriseId = params.get('enterpriseId');
  if (enterpriseId) filter.enterpriseId = enterpriseId;
  const regionCode = params.get('regionCode');
  if (regionCode && /^(\d{6}|\d{9}|\d{12})$/.test(regionCode)) filter.regionCode = regionCode;
  return filter;
}

export default function HazardsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canManage = usePermission('hazards:manage');
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
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)} data-testid="hazard-report">
              {t('hazards.report.open')}
            </Button>
          )
        }
      />
      <HazardOverviewCard onPickRegion={(regionCode) => applyFilter({ ...filter, regionCode })} />
      <Card>
        <HazardFilters key={params.toString()} initial={filter} onChange={applyFilter} />
        <QueryError error={hazards.error} />
        <HazardsTable hazards={hazards.items} loading={hazards.isLoading} />
        <LoadMore hasMore={hazards.hasMore} loading={hazards.isLoadingMore} onLoadMore={hazards.loadMore} testId="hazards-load-more" />
      </Card>
      {reporting && <ReportHazardDrawer onClose={() => setReporting(false)} onReported={reported} enterpriseId={filter.enterpriseId ?? null} />}
    </>
  );
}
