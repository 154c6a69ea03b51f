import { Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import type { Accident } from './accidents.types';
import { formatYuan } from './format';
import { GradeTag } from './GradeTag';
import { useLocalized } from './useLocalized';

export function AccidentsTable({ accidents, loading }: { accidents: Accident[]; loading: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const columns: TableColumnsType<Accident> = [
    {
      key: 'occurredAt',
      title: t('accidents.field.occurredAt'),
      render: (_, a) => (
        <Link to={`/safety/accidents/${a.id}`} data-testid={`accident-open-${a.id}`}>
          {formatDateTime(a.occurredAt).slice(0, 16)}
        </Link>
      ),
    },
    { key: 'region', title: t('accidents.field.region'), render: (_, a) => a.regionName ?? a.regionCode },
    {
      key: 'what',
      title: t('accidents.field.typeAndUnit'),
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>{localized(a.typeLabel)}</span>
          {a.enterpriseName && <Typography.Text type="secondary">{a.enterpriseName}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'deaths', title: t('accidents.field.deaths'), align: 'right', render: (_, a) => a.deaths },
    { key: 'seriousInjuries', title: t('accidents.field.seriousInjuries'), align: 'right', render: (_, a) => a.seriousInjuries },
    { key: 'loss', title: t('accidents.field.directLossYuan'), align: 'right', render: (_, a) => formatYuan(a.directLossYuan, t) },
    {
      key: 'grade',
      title: t('accidents.field.grade'),
      render: (_, a) => (
        <Space size={4} wrap>
          <GradeTag grade={a.grade} testId={`accident-grade-${a.id}`} />
          {a.revisionCount > 1 && (
            <Tooltip title={t('accidents.list.revisedTip', { grade: localized(a.firstReported.gradeLabel), deaths: a.firstReported.deaths })}>
              <Tag>{t('accidents.list.revised', { count: a.revisionCount - 1 })}</Tag>
            </Tooltip>
          )}
          {a.isDemo && <Tag>{t('accidents.demoTag')}</Tag>}
        </Space>
      ),
    },
  ];
  return <Table<Accident> rowKey="id" columns={columns} dataSource={accidents} loading={loading} pagination={false} scroll={{ x: 'max-content' }} data-testid="accidents-table" />;
}
