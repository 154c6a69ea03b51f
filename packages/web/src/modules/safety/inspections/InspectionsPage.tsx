import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import { useLabel } from '../hazards/useLabel';
import type { InspectionFilter, InspectionKind, InspectionSummary } from './inspections.types';
import { useChecklistTemplates, useInspections } from './useInspections';

/** 检查: inspections of the ground, latest first. */
export default function InspectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const label = useLabel();
  const canRecord = usePermission('hazards:manage');
  const templates = useChecklistTemplates();
  const [filter, setFilter] = useState<InspectionFilter>({});
  const inspections = useInspections(filter);
  const templateName = (code: string) => {
    const template = templates.data?.items.find((item) => item.code === code);
    return template ? label(template.name) : code;
  };

  return (
    <>
      <PageHeader
        title={t('hazards.inspections.title')}
        description={t('hazards.inspections.description')}
        actions={
          canRecord && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/safety/inspections/new')} data-testid="inspection-new">
              {t('hazards.inspections.new')}
            </Button>
          )
        }
      />
      <Card>
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('hazards.list.filter.enterprise')}>
            <EnterpriseSelect style={{ width: 260 }} value={filter.enterpriseId ?? null} onChange={(enterpriseId) => setFilter({ ...filter, enterpriseId: enterpriseId ?? undefined })} data-testid="inspections-filter-enterprise" />
          </Form.Item>
          <Form.Item label={t('hazards.inspections.field.kind')}>
            <Select<InspectionKind>
              allowClear
              style={{ width: 160 }}
              value={filter.kind}
              onChange={(kind) => setFilter({ ...filter, kind: kind ?? undefined })}
              options={(['regulator', 'self'] as const).map((kind) => ({ value: kind, label: t(`hazards.inspections.kind.${kind}`) }))}
              data-testid="inspections-filter-kind"
            />
          </Form.Item>
        </Form>
        <QueryError error={inspections.error} />
        <Table<InspectionSummary>
          rowKey="id"
          loading={inspections.isLoading}
          dataSource={inspections.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="inspections-table"
          columns={[
            { key: 'at', title: t('hazards.inspections.field.inspectedAt'), render: (_, row) => <Link to={`/safety/inspections/${row.id}`} data-testid={`inspection-open-${row.id}`}>{formatDateTime(row.inspectedAt)}</Link> },
            { key: 'enterprise', title: t('hazards.field.enterprise'), dataIndex: 'enterpriseName' },
            { key: 'template', title: t('hazards.inspections.field.template'), render: (_, row) => templateName(row.templateCode) },
            { key: 'kind', title: t('hazards.inspections.field.kind'), render: (_, row) => <Tag color={row.kind === 'regulator' ? 'blue' : 'green'}>{t(`hazards.inspections.kind.${row.kind}`)}</Tag> },
            { key: 'inspector', title: t('hazards.inspections.field.inspector'), render: (_, row) => row.inspectorName ?? t('common.empty') },
            { key: 'failed', title: t('hazards.inspections.field.failed'), render: (_, row) => (row.failedCount > 0 ? <Tag color="error">{t('hazards.inspections.failedOf', { failed: row.failedCount, total: row.itemCount })}</Tag> : <Tag color="success">{t('hazards.inspections.allPassed')}</Tag>) },
          ]}
        />
        <LoadMore hasMore={inspections.hasMore} loading={inspections.isLoadingMore} onLoadMore={inspections.loadMore} testId="inspections-load-more" />
      </Card>
    </>
  );
}
