import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Result, Space, Spin, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../app/api/problem';
import { useApiError } from '../../../app/api/useApiError';
import { formatDateTime } from '../../../app/formatDateTime';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { CampaignLink } from '../campaigns/CampaignLink';
import { useLabel } from '../hazards/useLabel';
import type { Inspection } from './inspections.types';
import { useChecklistTemplates, useInspection, useItemToHazard } from './useInspections';

const RESULT_COLOURS = { pass: 'success', fail: 'error', na: 'default' } as const;

/** An inspection's items; a failed one links to its hazard, or becomes one with a click. */
export default function InspectionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const label = useLabel();
  const inspection = useInspection(id);
  const templates = useChecklistTemplates();
  const toHazard = useItemToHazard(id);
  const showError = useApiError();
  const canManage = usePermission('hazards:manage');

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/safety/inspections')} data-testid="inspection-back">
      {t('hazards.inspections.back')}
    </Button>
  );
  if (inspection.isPending) return <Spin />;
  if (isApiError(inspection.error, 404)) return <Result status="404" title={t('hazards.inspections.notFound')} extra={back} />;
  if (!inspection.data) return <QueryError error={inspection.error} />;
  const i = inspection.data;
  const template = templates.data?.items.find((item) => item.code === i.templateCode);

  const makeHazard = (number: number) =>
    toHazard.mutate(number, {
      onSuccess: (hazard) => {
        void message.success(t('hazards.inspections.hazardCreated'));
        navigate(`/safety/hazards/${hazard.id}`);
      },
      onError: (error) => showError(error),
    });

  return (
    <>
      <PageHeader title={`${i.enterpriseName} · ${formatDateTime(i.inspectedAt)}`} actions={back} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="inspection-detail">
        <Card>
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={t('hazards.inspections.field.template')}>{template ? label(template.name) : i.templateCode}</Descriptions.Item>
            <Descriptions.Item label={t('hazards.inspections.field.kind')}>{t(`hazards.inspections.kind.${i.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('hazards.inspections.field.inspector')}>{i.inspectorName ?? t('common.empty')}</Descriptions.Item>
            <Descriptions.Item label={t('hazards.field.region')}>
              <RegionName code={i.regionCode} />
            </Descriptions.Item>
            <Descriptions.Item label={t('hazards.inspections.field.failed')}>{t('hazards.inspections.failedOf', { failed: i.failedCount, total: i.itemCount })}</Descriptions.Item>
            <Descriptions.Item label={t('hazards.inspections.field.note')}>{i.note ?? t('common.empty')}</Descriptions.Item>
            {i.campaignId && (
              <Descriptions.Item label={t('campaigns.field.campaign')}>
                <CampaignLink id={i.campaignId} />
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title={t('hazards.inspections.items')}>
          <Table<Inspection['items'][number]>
            size="small"
            rowKey="number"
            pagination={false}
            dataSource={i.items}
            rowClassName={(item) => (item.result === 'fail' ? 'ant-table-row-selected' : '')}
            data-testid="inspection-result-items"
            columns={[
              { key: 'number', title: t('hazards.inspections.field.number'), dataIndex: 'number', width: 56 },
              { key: 'text', title: t('hazards.inspections.field.item'), dataIndex: 'text' },
              { key: 'result', title: t('hazards.inspections.field.result'), render: (_, item) => <Tag color={RESULT_COLOURS[item.result]}>{t(`hazards.inspections.result.${item.result}`)}</Tag> },
              { key: 'note', title: t('hazards.inspections.field.itemNote'), render: (_, item) => item.note ?? '' },
              {
                key: 'hazard',
                title: t('hazards.inspections.field.hazard'),
                render: (_, item) =>
                  item.hazardId ? (
                    <Link to={`/safety/hazards/${item.hazardId}`} data-testid={`inspection-hazard-${item.number}`}>
                      {t('hazards.inspections.openHazard')}
                    </Link>
                  ) : item.result === 'fail' && canManage ? (
                    <Button size="small" type="primary" danger loading={toHazard.isPending && toHazard.variables === item.number} onClick={() => makeHazard(item.number)} data-testid={`inspection-to-hazard-${item.number}`}>
                      {t('hazards.inspections.toHazard')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
