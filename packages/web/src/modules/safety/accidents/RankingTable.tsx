import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Change, DoubleDecreaseReport, Tally } from './accidents.types';
import { DoubleDecreaseTag } from './DoubleDecreaseTag';
import { formatRatio } from './format';

type Entry = DoubleDecreaseReport['ranking'][number];

function Figure({ current, previous, change }: { current: number; previous: number; change: Change }) {
  const tone = change.delta < 0 ? 'success' : change.delta > 0 ? 'danger' : 'secondary';
  return (
    <Space size={4}>
      <Typography.Text strong>{current}</Typography.Text>
      <Typography.Text type="secondary">/ {previous}</Typography.Text>
      <Typography.Text type={tone}>
        ({change.delta > 0 ? '+' : ''}
        {change.delta}, {formatRatio(change.ratio)})
      </Typography.Text>
    </Space>
  );
}

const pick = (tally: Tally, key: keyof Tally) => tally[key];

/** The ranking of the region's children (the county-level units of a city): double decrease first. */
export function RankingTable({ ranking }: { ranking: Entry[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Entry> = [
    { key: 'rank', title: t('accidents.dd.rank'), width: 64, render: (_, e) => e.rank },
    { key: 'region', title: t('accidents.field.region'), render: (_, e) => e.regionName },
    { key: 'accidents', title: t('accidents.dd.accidentsColumn'), render: (_, e) => <Figure current={pick(e.current, 'accidents')} previous={pick(e.previous, 'accidents')} change={e.change.accidents} /> },
    { key: 'deaths', title: t('accidents.dd.deathsColumn'), render: (_, e) => <Figure current={pick(e.current, 'deaths')} previous={pick(e.previous, 'deaths')} change={e.change.deaths} /> },
    {
      key: 'status',
      title: t('accidents.dd.status'),
      render: (_, e) => (
        <Space size={4}>
          <DoubleDecreaseTag status={e.status} testId={`dd-rank-status-${e.regionCode}`} />
          {e.current.accidents === 0 && e.previous.accidents === 0 && <Typography.Text type="secondary">{t('accidents.dd.noAccidents')}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'target',
      title: t('accidents.dd.target'),
      render: (_, e) =>
        e.target ? (
          <Space size={4}>
            <span>{t('accidents.dd.targetShort', { accidents: e.target.maxAccidents, deaths: e.target.maxDeaths })}</span>
            {(e.target.accidentsExceeded || e.target.deathsExceeded) && <Tag color="error">{t('accidents.dd.exceeded')}</Tag>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('accidents.dd.noTarget')}</Typography.Text>
        ),
    },
  ];
  return <Table<Entry> rowKey="regionCode" size="small" columns={columns} dataSource={ranking} pagination={false} scroll={{ x: 'max-content' }} data-testid="dd-ranking" />;
}
