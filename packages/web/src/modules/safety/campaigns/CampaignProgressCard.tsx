import { Alert, Breadcrumb, Card, Col, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/layout/QueryError';
import { RegionName } from '../../regions/components/RegionName';
import { CampaignProgressChart } from './CampaignProgressChart';
import type { Campaign, CampaignProgress, ProgressFigures } from './campaigns.types';
import { useCampaignProgress } from './useCampaigns';

function Rate({ pct, target, met }: { pct: number | null; target: number | null; met: boolean | null }) {
  const { t } = useTranslation();
  if (pct === null) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {`${pct}%`}
      {met !== null && <Tag color={met ? 'success' : 'warning'} style={{ marginInlineStart: 8 }}>{met ? t('campaigns.progress.met') : t('campaigns.progress.behind', { target })}</Tag>}
    </span>
  );
}

function Totals({ total, campaign }: { total: ProgressFigures; campaign: Campaign }) {
  const { t } = useTranslation();
  const gauge = (pct: number | null, target: number | null, met: boolean | null) => (
    <Progress percent={pct ?? 0} status={met === false ? 'exception' : met ? 'success' : 'normal'} format={() => (pct === null ? t('common.empty') : `${pct}%${target !== null ? ` / ${target}%` : ''}`)} />
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="campaign-progress-totals">
      <Col xs={12} md={4}>
        <Statistic title={t('campaigns.progress.inScope')} value={total.inScope} />
      </Col>
      <Col xs={12} md={4}>
        <Statistic title={t('campaigns.progress.inspected')} value={total.inspected} suffix={`/ ${total.inScope}`} />
      </Col>
      <Col xs={12} md={4}>
        <Statistic title={t('campaigns.progress.hazardsFound')} value={total.hazardsFound} />
      </Col>
      <Col xs={12} md={4}>
        <Statistic title={t('campaigns.progress.hazardsClosed')} value={total.hazardsClosed} />
      </Col>
      <Col xs={12} md={4}>
        <Statistic title={t('campaigns.progress.hazardsOverdue')} value={total.hazardsOverdue} styles={{ content: total.hazardsOverdue > 0 ? { color: '#cf1322' } : {} }} />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">{t('campaigns.progress.inspectedRate', { target: campaign.targets.inspectedPct ?? '—' })}</Typography.Text>
        {gauge(total.inspectedPct, campaign.targets.inspectedPct, total.inspectedMet)}
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">{t('campaigns.progress.closedRate', { target: campaign.targets.closedPct ?? '—' })}</Typography.Text>
        {gauge(total.closedPct, campaign.targets.closedPct, total.closedMet)}
      </Col>
    </Row>
  );
}

/**
 * Progress of a region and of its child regions, drilling down a level by clicking a row or a bar
 * (`path`: the regions drilled into, outermost first). Counted by the server within the user's
 * ground, whatever level organised the campaign.
 */
export function CampaignProgressCard({ campaign, path, setPath }: { campaign: Campaign; path: string[]; setPath: (path: string[]) => void }) {
  const { t } = useTranslation();
  const regionCode = path[path.length - 1];
  const progress = useCampaignProgress(campaign.id, regionCode);
  const data = progress.data;
  const drill = (code: string) => {
    // Communities are the finest level: there is nothing below them to break down.
    if (code.length < 12) setPath([...path, code]);
  };

  return (
    <Card title={t('campaigns.progress.title')} data-testid="campaign-progress">
      <QueryError error={progress.error} />
      {data && (
        <>
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={[
              { key: 'root', title: path.length === 0 ? <RegionName code={data.regionCode} /> : <a onClick={() => setPath([])}>{t('campaigns.progress.top')}</a> },
              ...path.map((code, index) => ({ key: code, title: index === path.length - 1 ? <RegionName code={code} /> : <a onClick={() => setPath(path.slice(0, index + 1))}><RegionName code={code} /></a> })),
            ]}
          />
          <Totals total={data.total} campaign={campaign} />
          {data.total.inScope === 0 && data.total.hazardsFound === 0 ? (
            <Alert type="info" showIcon title={t('campaigns.progress.nothingHere')} style={{ marginBottom: 16 }} />
          ) : (
            data.rows.length > 0 && <CampaignProgressChart progress={data} onRegion={drill} />
          )}
          <ProgressTable progress={data} campaign={campaign} onRegion={drill} loading={progress.isFetching} />
        </>
      )}
    </Card>
  );
}

function ProgressTable({ progress, campaign, onRegion, loading }: { progress: CampaignProgress; campaign: Campaign; onRegion: (code: string) => void; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<CampaignProgress['rows'][number]>
      size="small"
      rowKey="regionCode"
      loading={loading}
      dataSource={progress.rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="campaign-progress-table"
      columns={[
        {
          key: 'name',
          title: t('campaigns.progress.region'),
          render: (_, row) => (row.regionCode.length < 12 ? <a onClick={() => onRegion(row.regionCode)} data-testid={`campaign-region-${row.regionCode}`}>{row.name}</a> : row.name),
        },
        { key: 'inScope', title: t('campaigns.progress.inScope'), dataIndex: 'inScope', align: 'right' },
        { key: 'inspected', title: t('campaigns.progress.inspected'), dataIndex: 'inspected', align: 'right' },
        { key: 'selfInspected', title: t('campaigns.progress.selfInspected'), dataIndex: 'selfInspected', align: 'right' },
        { key: 'inspectedPct', title: t('campaigns.progress.inspectedPct'), render: (_, row) => <Rate pct={row.inspectedPct} target={campaign.targets.inspectedPct} met={row.inspectedMet} /> },
        { key: 'hazardsFound', title: t('campaigns.progress.hazardsFound'), dataIndex: 'hazardsFound', align: 'right' },
        { key: 'hazardsClosed', title: t('campaigns.progress.hazardsClosed'), dataIndex: 'hazardsClosed', align: 'right' },
        { key: 'hazardsOverdue', title: t('campaigns.progress.hazardsOverdue'), render: (_, row) => (row.hazardsOverdue > 0 ? <Tag color="error">{row.hazardsOverdue}</Tag> : 0), align: 'right' },
        { key: 'closedPct', title: t('campaigns.progress.closedPct'), render: (_, row) => <Rate pct={row.closedPct} target={campaign.targets.closedPct} met={row.closedMet} /> },
      ]}
    />
  );
}
