import { Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import { RegionName } from '../../regions/components/RegionName';
import { HazardGradeTag, HazardMarks, HazardStatusTag } from './HazardTags';
import type { Hazard } from './hazards.types';

/** `due` picks the date column: the rectification deadline, or (for acceptances) when the acceptor must decide. */
export function HazardsTable({ hazards, loading, due = 'deadline' }: { hazards: Hazard[]; loading: boolean; due?: 'deadline' | 'acceptanceDueAt' }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Hazard> = [
    {
      key: 'description',
      title: t('hazards.field.description'),
      render: (_, hazard) => (
        <Link to={`/safety/hazards/${hazard.id}`} data-testid={`hazard-open-${hazard.id}`}>
          <Typography.Text ellipsis style={{ maxWidth: 320 }}>
            {hazard.description}
          </Typography.Text>
        </Link>
      ),
    },
    { key: 'enterprise', title: t('hazards.field.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'grade', title: t('hazards.field.grade'), render: (_, hazard) => <HazardGradeTag grade={hazard.grade} /> },
    {
      key: 'status',
      title: t('hazards.field.status'),
      render: (_, hazard) => (
        <Space size={0} wrap>
          <HazardStatusTag status={hazard.status} />
          <HazardMarks hazard={hazard} />
        </Space>
      ),
    },
    { key: due, title: t(`hazards.field.${due}`), render: (_, hazard) => (hazard[due] ? formatDateTime(hazard[due]) : t('common.empty')) },
    { key: 'region', title: t('hazards.field.region'), render: (_, hazard) => <RegionName code={hazard.regionCode} /> },
    { key: 'foundAt', title: t('hazards.field.foundAt'), render: (_, hazard) => formatDateTime(hazard.foundAt) },
  ];
  return <Table<Hazard> rowKey="id" columns={columns} dataSource={hazards} loading={loading} pagination={false} scroll={{ x: 'max-content' }} data-testid="hazards-table" />;
}
