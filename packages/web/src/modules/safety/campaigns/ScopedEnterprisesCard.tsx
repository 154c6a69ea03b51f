import { Button, Card, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import { LoadMore } from '../../../app/layout/LoadMore';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import type { Campaign, ScopedEnterprise } from './campaigns.types';
import { useScopedEnterprises } from './useCampaigns';

/** The enterprises of the user's ground in the campaign's scope (within the region drilled into), and whether a regulator has inspected each yet. */
export function ScopedEnterprisesCard({ campaign, regionCode }: { campaign: Campaign; regionCode?: string }) {
  const { t } = useTranslation();
  const canInspect = usePermission('hazards:manage');
  const [onlyPending, setOnlyPending] = useState(false);
  const enterprises = useScopedEnterprises(campaign.id, regionCode, onlyPending ? false : undefined);
  return (
    <Card
      title={t('campaigns.enterprises.title')}
      extra={
        <Space>
          <Typography.Text>{t('campaigns.enterprises.onlyPending')}</Typography.Text>
          <Switch checked={onlyPending} onChange={setOnlyPending} data-testid="campaign-enterprises-pending" />
        </Space>
      }
      data-testid="campaign-enterprises"
    >
      <QueryError error={enterprises.error} />
      <Table<ScopedEnterprise>
        size="small"
        rowKey="id"
        loading={enterprises.isLoading}
        dataSource={enterprises.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('hazards.field.enterprise'), render: (_, e) => <Link to={`/safety/enterprises/${e.id}`}>{e.name}</Link> },
          { key: 'industry', title: t('safety.enterprises.field.industry'), render: (_, e) => `${e.industryCode} ${e.industryName}` },
          { key: 'region', title: t('hazards.field.region'), render: (_, e) => <RegionName code={e.regionCode} /> },
          {
            key: 'inspected',
            title: t('campaigns.enterprises.inspectedAt'),
            render: (_, e) => (e.lastInspectedAt ? formatDateTime(e.lastInspectedAt) : <Tag color="warning">{t('campaigns.enterprises.notInspected')}</Tag>),
          },
          { key: 'hazards', title: t('campaigns.enterprises.hazards'), render: (_, e) => t('campaigns.enterprises.hazardsOf', { open: e.hazardsOpen, found: e.hazardsFound }) },
          ...(canInspect && campaign.phase === 'active'
            ? [
                {
                  key: 'inspect',
                  title: '',
                  render: (_: unknown, e: ScopedEnterprise) => (
                    <Link to={`/safety/inspections/new?enterpriseId=${encodeURIComponent(e.id)}&campaignId=${encodeURIComponent(campaign.id)}`}>
                      <Button size="small">{t('campaigns.enterprises.inspect')}</Button>
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      <LoadMore hasMore={enterprises.hasMore} loading={enterprises.isLoadingMore} onLoadMore={enterprises.loadMore} testId="campaign-enterprises-load-more" />
    </Card>
  );
}
