import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { RegionName } from '../../regions/components/RegionName';
import { useIndustries } from '../enterprises/useEnterprises';
import { useLabel } from '../hazards/useLabel';
import { useChecklistTemplates } from '../inspections/useInspections';
import { CampaignFormDrawer } from './CampaignFormDrawer';
import { CampaignProgressCard } from './CampaignProgressCard';
import { CampaignPhaseTag } from './CampaignTags';
import type { Campaign } from './campaigns.types';
import { ScopedEnterprisesCard } from './ScopedEnterprisesCard';
import { useCampaign } from './useCampaigns';

function ScopeDescription({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const industries = useIndustries();
  const industryName = (code: string) => industries.data?.items.find((i) => i.industryCode === code)?.name ?? '';
  const { scope } = campaign;
  return (
    <Space orientation="vertical" size={4}>
      <div>
        {t('campaigns.field.industries')}：{scope.industries.length === 0 ? t('campaigns.scope.anyIndustry') : scope.industries.map((code) => <Tag key={code}>{`${code} ${industryName(code)}`}</Tag>)}
      </div>
      <div>
        {t('campaigns.field.regions')}：{scope.regions.length === 0 ? t('campaigns.scope.wholeRegion') : scope.regions.map((code) => <Tag key={code}><RegionName code={code} /></Tag>)}
      </div>
      {scope.enterprises.length > 0 && (
        <div>
          {t('campaigns.field.enterprises')}：
          {scope.enterprises.map((e) => (
            <Tag key={e.id}>{e.name ?? t('campaigns.scope.outsideGround')}</Tag>
          ))}
        </div>
      )}
    </Space>
  );
}

/** One campaign: what it covers and aims at, its progress by region, and the enterprises still to inspect. */
export default function CampaignDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const templates = useChecklistTemplates();
  const [editing, setEditing] = useState(false);
  const [path, setPath] = useState<string[]>([]);
  const c = campaign.data;

  const back = (
    <Link to="/safety/campaigns">
      <ArrowLeftOutlined /> {t('campaigns.back')}
    </Link>
  );
  if (campaign.isLoading) return <Spin />;
  if (!c) {
    return (
      <>
        {back}
        <QueryError error={campaign.error} />
      </>
    );
  }
  const template = templates.data?.items.find((item) => item.code === c.templateCode);

  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={c.title}
        description={t('campaigns.detailDescription', { organizer: c.organizerRegionName ?? c.organizerRegionCode, startsOn: c.startsOn, endsOn: c.endsOn })}
        actions={
          <Space>
            <Link to={`/safety/hazards?campaignId=${encodeURIComponent(c.id)}`}>
              <Button data-testid="campaign-hazards">{t('campaigns.hazards')}</Button>
            </Link>
            {c.editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="campaign-edit">
                {t('common.edit')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card data-testid="campaign-summary">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              items={[
                { key: 'phase', label: t('campaigns.field.phase'), children: <CampaignPhaseTag phase={c.phase} /> },
                { key: 'period', label: t('campaigns.field.period'), children: `${c.startsOn} ~ ${c.endsOn}` },
                { key: 'organizer', label: t('campaigns.field.organizer'), children: c.organizerRegionName ?? c.organizerRegionCode },
                { key: 'template', label: t('campaigns.field.template'), children: template ? label(template.name) : c.templateCode },
                { key: 'targets', label: t('campaigns.field.targets'), children: t('campaigns.targetsLong', { inspected: c.targets.inspectedPct ?? '—', closed: c.targets.closedPct ?? '—' }) },
                { key: 'scope', label: t('campaigns.field.scope'), children: <ScopeDescription campaign={c} /> },
                ...(c.description ? [{ key: 'description', label: t('campaigns.field.description'), span: 2, children: <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph> }] : []),
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <CampaignProgressCard campaign={c} path={path} setPath={setPath} />
        </Col>
        <Col span={24}>
          <ScopedEnterprisesCard campaign={c} regionCode={path[path.length - 1]} />
        </Col>
      </Row>
      {editing && (
        <CampaignFormDrawer
          campaign={c}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            void message.success(t('campaigns.saved', { title: saved.title }));
            setEditing(false);
          }}
        />
      )}
    </>
  );
}
