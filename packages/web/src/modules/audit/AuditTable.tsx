import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/formatDateTime';
import type { AuditEntry } from './audit.types';

export function AuditTable({ entries, loading }: { entries: AuditEntry[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AuditEntry> = [
    { key: 'seq', title: t('audit.field.seq'), dataIndex: 'seq', width: 90 },
    { key: 'at', title: t('audit.field.at'), render: (_, entry) => formatDateTime(entry.at) },
    { key: 'actor', title: t('audit.field.actor'), render: (_, entry) => entry.actorUsername ?? t('audit.anonymous') },
    { key: 'ip', title: t('audit.field.ip'), render: (_, entry) => entry.ip ?? t('common.empty') },
    { key: 'action', title: t('audit.field.action'), render: (_, entry) => <Typography.Text code>{entry.action}</Typography.Text> },
    {
      key: 'object',
      title: t('audit.field.object'),
      render: (_, entry) => (entry.objectType ? `${entry.objectType}${entry.objectId ? ` #${entry.objectId}` : ''}` : t('common.empty')),
    },
    {
      key: 'result',
      title: t('audit.field.result'),
      render: (_, entry) => (
        <Tag color={entry.result === 'success' ? 'green' : 'red'}>{t(`audit.result.${entry.result}`)}</Tag>
      ),
    },
  ];
  return (
    <Table<AuditEntry>
      rowKey="seq"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      expandable={{
        rowExpandable: (entry) => entry.detail !== null,
        expandedRowRender: (entry) => (
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(entry.detail, null, 2)}</pre>
        ),
      }}
      data-testid="audit-table"
    />
  );
}
