import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../app/formatDateTime';
import { LoadMore } from '../../../../app/layout/LoadMore';
import { QueryError } from '../../../../app/layout/QueryError';
import { usePermission } from '../../../auth/hooks/usePermission';
import { useLabel } from '../../hazards/useLabel';
import type { InspectionSummary } from '../../inspections/inspections.types';
import { useChecklistTemplates, useInspections } from '../../inspections/useInspections';

/** The enterprise's inspections, latest first, with a way to record a new one for it. */
export function InspectionsSection({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const canRecord = usePermission('hazards:manage');
  const inspections = useInspections({ enterpriseId });
  const templates = useChecklistTemplates();
  const templateName = (code: string) => {
    const template = templates.data?.items.find((item) => item.code === code);
    return template ? label(template.name) : code;
  };

  return (
    <Card
      title={t('safety.enterprises.detail.inspections')}
      extra={
        canRecord && (
          <Link to={`/safety/inspections/new?enterpriseId=${encodeURIComponent(enterpriseId)}`}>
            <Button size="small" icon={<PlusOutlined />} data-testid="enterprise-inspection-new">
              {t('hazards.inspections.new')}
            </Button>
          </Link>
        )
      }
      data-testid="enterprise-detail-inspections"
    >
      <QueryError error={inspections.error} />
      <Table<InspectionSummary>
        size="small"
        rowKey="id"
        loading={inspections.isLoading}
        dataSource={inspections.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('safety.enterprises.detail.noInspections') }}
        columns={[
          { key: 'at', title: t('hazards.inspections.field.inspectedAt'), render: (_, row) => <Link to={`/safety/inspections/${row.id}`}>{formatDateTime(row.inspectedAt)}</Link> },
          { key: 'template', title: t('hazards.inspections.field.template'), render: (_, row) => templateName(row.templateCode) },
          { key: 'kind', title: t('hazards.inspections.field.kind'), render: (_, row) => <Tag color={row.kind === 'regulator' ? 'blue' : 'green'}>{t(`hazards.inspections.kind.${row.kind}`)}</Tag> },
          { key: 'inspector', title: t('hazards.inspections.field.inspector'), render: (_, row) => row.inspectorName ?? t('common.empty') },
          {
            key: 'failed',
            title: t('hazards.inspections.field.failed'),
            render: (_, row) => (row.failedCount > 0 ? <Tag color="error">{t('hazards.inspections.failedOf', { failed: row.failedCount, total: row.itemCount })}</Tag> : <Tag color="success">{t('hazards.inspections.allPassed')}</Tag>),
          },
        ]}
      />
      <LoadMore hasMore={inspections.hasMore} loading={inspections.isLoadingMore} onLoadMore={inspections.loadMore} testId="enterprise-inspections-load-more" />
    </Card>
  );
}
