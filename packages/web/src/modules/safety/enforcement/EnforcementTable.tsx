import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import { EnforcementStatusTag, formatYuan, MeasureTags } from './EnforcementTags';
import type { EnforcementCase } from './enforcement.types';

/** Cases, newest first; the enterprise column is left out where the page is the enterprise's. */
export function EnforcementTable({ cases, loading, withEnterprise = true, size }: { cases: EnforcementCase[]; loading: boolean; withEnterprise?: boolean; size?: 'small' }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<EnforcementCase> = [
    {
      key: 'case',
      title: t('enforcement.field.caseNumber'),
      render: (_, c) => (
        <Link to={`/safety/enforcement/${c.id}`} data-testid={`enforcement-open-${c.id}`}>
          {c.caseNumber ?? t('enforcement.noNumber', { at: formatDateTime(c.createdAt) })}
        </Link>
      ),
    },
    ...(withEnterprise ? [{ key: 'enterprise', title: t('hazards.field.enterprise'), dataIndex: 'enterpriseName' }] : []),
    { key: 'status', title: t('enforcement.field.status'), render: (_, c) => <EnforcementStatusTag status={c.status} /> },
    {
      key: 'violations',
      title: t('enforcement.field.violations'),
      render: (_, c) => (
        <Typography.Text ellipsis style={{ maxWidth: 280 }}>
          {c.violations.map((v) => v.description).join('；') || t('common.empty')}
        </Typography.Text>
      ),
    },
    { key: 'measures', title: t('enforcement.field.measures'), render: (_, c) => <MeasureTags measures={c.measures} /> },
    { key: 'fine', title: t('enforcement.field.fineTotal'), align: 'right', render: (_, c) => (c.fineTotalYuan > 0 ? formatYuan(t, c.fineTotalYuan) : t('common.empty')) },
    { key: 'decided', title: t('enforcement.field.decided'), render: (_, c) => (c.decidedOn ? `${c.decidedOn} ${c.decidedBy ?? ''}` : t('common.empty')) },
  ];
  return <Table<EnforcementCase> size={size} rowKey="id" columns={columns} dataSource={cases} loading={loading} pagination={false} scroll={{ x: 'max-content' }} data-testid="enforcement-table" />;
}
