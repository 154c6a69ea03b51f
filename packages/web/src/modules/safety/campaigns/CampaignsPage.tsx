import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { useLabel } from '../hazards/useLabel';
import { useChecklistTemplates } from '../inspections/useInspections';
import { CampaignFormDrawer } from './CampaignFormDrawer';
import { CampaignPhaseTag } from './CampaignTags';
import type { Campaign, CampaignFilter, CampaignPhase } from './campaigns.types';
import { useCampaigns } from './useCampaigns';

/** 专项整治: the campaigns of the ground and of the levels above it. */
export default function CampaignsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const label = useLabel();
  const canOrganise = usePermission('campaigns:manage');
  const templates = useChecklistTemplates();
  const [filter, setFilter] = useState<CampaignFilter>({});
  const campaigns = useCampaigns(filter);
  const [creating, setCreating] = useState(false);
  const templateName = (code: string) => {
    const template = templates.data?.items.find((item) => item.code === code);
    return template ? label(template.name) : code;
  };

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.description')}
        actions={
          canOrganise && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">
              {t('campaigns.create')}
            </Button>
          )
        }
      />
      <Card>
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label={t('campaigns.field.phase')}>
            <Select<CampaignPhase>
              allowClear
              style={{ width: 160 }}
              value={filter.phase}
              onChange={(phase) => setFilter(phase ? { phase } : {})}
              options={(['planned', 'active', 'ended'] as const).map((phase) => ({ value: phase, label: t(`campaigns.phase.${phase}`) }))}
              data-testid="campaigns-filter-phase"
            />
          </Form.Item>
        </Form>
        <QueryError error={campaigns.error} />
        <Table<Campaign>
          rowKey="id"
          loading={campaigns.isLoading}
          dataSource={campaigns.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="campaigns-table"
          columns={[
            { key: 'title', title: t('campaigns.field.title'), render: (_, c) => <Link to={`/safety/campaigns/${c.id}`} data-testid={`campaign-open-${c.id}`}>{c.title}</Link> },
            { key: 'organizer', title: t('campaigns.field.organizer'), render: (_, c) => c.organizerRegionName ?? c.organizerRegionCode },
            { key: 'period', title: t('campaigns.field.period'), render: (_, c) => <Typography.Text style={{ whiteSpace: 'nowrap' }}>{`${c.startsOn} ~ ${c.endsOn}`}</Typography.Text> },
            { key: 'phase', title: t('campaigns.field.phase'), render: (_, c) => <CampaignPhaseTag phase={c.phase} /> },
            { key: 'template', title: t('campaigns.field.template'), render: (_, c) => templateName(c.templateCode) },
            {
              key: 'targets',
              title: t('campaigns.field.targets'),
              render: (_, c) => t('campaigns.targetsShort', { inspected: c.targets.inspectedPct ?? '—', closed: c.targets.closedPct ?? '—' }),
            },
          ]}
        />
        <LoadMore hasMore={campaigns.hasMore} loading={campaigns.isLoadingMore} onLoadMore={campaigns.loadMore} testId="campaigns-load-more" />
      </Card>
      {creating && (
        <CampaignFormDrawer
          campaign={null}
          onClose={() => setCreating(false)}
          onSaved={(campaign) => {
            void message.success(t('campaigns.saved', { title: campaign.title }));
            setCreating(false);
            navigate(`/safety/campaigns/${campaign.id}`);
          }}
        />
      )}
    </>
  );
}
