import { PlusOutlined } from '@ant-design/icons';
import { ACCOUNTABILITY_STATUS_LABELS, ACCOUNTABILITY_STATUSES, ACCOUNTABILITY_TRIGGER_KINDS, ACCOUNTABILITY_TRIGGER_LABELS, type AccountabilityStatus, type AccountabilityTriggerKind } from '@shoutu/domain';
import { Button, Card, Flex, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { useLabel } from '../responsibility/useLabel';
import type { AccountabilityRecord, RecordFilter } from './accountability.types';
import { NewRecordDrawer } from './NewRecordDrawer';
import { StatusTag } from './StatusTag';
import { useRecords } from './useAccountability';

/** Accountability records (问责记录) in the caller's ground, newest first. */
export default function RecordsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const canDecide = usePermission('accountability:decide');
  const [filter, setFilter] = useState<RecordFilter>({});
  const records = useRecords(filter);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('accountability.records.title')}
        description={t('accountability.records.description')}
        actions={
          <Space>
            <Link to="/safety/accountability/candidates">
              <Button>{t('accountability.candidates.title')}</Button>
            </Link>
            {canDecide && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="record-new">
                {t('accountability.records.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<AccountabilityStatus>
            allowClear
            placeholder={t('accountability.record.status')}
            style={{ width: 160 }}
            value={filter.status}
            onChange={(status) => setFilter(({ status: _, ...rest }) => (status ? { ...rest, status } : rest))}
            options={ACCOUNTABILITY_STATUSES.map((status) => ({ value: status, label: label(ACCOUNTABILITY_STATUS_LABELS[status]) }))}
          />
          <Select<AccountabilityTriggerKind>
            allowClear
            placeholder={t('accountability.record.trigger')}
            style={{ width: 200 }}
            value={filter.triggerKind}
            onChange={(triggerKind) => setFilter(({ triggerKind: _, ...rest }) => (triggerKind ? { ...rest, triggerKind } : rest))}
            options={ACCOUNTABILITY_TRIGGER_KINDS.map((kind) => ({ value: kind, label: label(ACCOUNTABILITY_TRIGGER_LABELS[kind]) }))}
          />
        </Flex>
        <QueryError error={records.error} />
        <Table<AccountabilityRecord>
          rowKey="id"
          size="small"
          pagination={false}
          loading={records.isLoading}
          dataSource={records.items}
          data-testid="records-table"
          onRow={(row) => ({ onClick: () => navigate(`/safety/accountability/records/${row.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'subject', title: t('accountability.record.subject'), render: (_, row) => <>{row.subjectName} {row.subjectPost && <Tag>{row.subjectPost}</Tag>}</> },
            { key: 'trigger', title: t('accountability.record.trigger'), render: (_, row) => <>{label(row.triggerKindLabel)}</> },
            { key: 'summary', title: t('accountability.record.triggerSummary'), dataIndex: 'triggerSummary', ellipsis: true },
            { key: 'region', title: t('accountability.region'), render: (_, row) => <RegionName code={row.regionCode} /> },
            { key: 'measure', title: t('accountability.record.measure'), render: (_, row) => (row.measureLabel ? label(row.measureLabel) : t('common.empty')) },
            { key: 'status', title: t('accountability.record.status'), render: (_, row) => <StatusTag status={row.status} label={row.statusLabel} /> },
            { key: 'decidedOn', title: t('accountability.record.decidedOn'), render: (_, row) => row.decidedOn ?? t('common.empty') },
          ]}
        />
        <LoadMore hasMore={records.hasMore} loading={records.isLoadingMore} onLoadMore={records.loadMore} testId="records-load-more" />
      </Card>
      {creating && <NewRecordDrawer onClose={() => setCreating(false)} onCreated={(id) => navigate(`/safety/accountability/records/${id}`)} />}
    </>
  );
}
