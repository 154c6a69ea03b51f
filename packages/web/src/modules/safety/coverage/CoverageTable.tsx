import { Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CoverageItem, CoverageRegion } from './coverage.types';

function GapList({ items, total, showInspection }: { items: CoverageItem[]; total: number; showInspection: boolean }) {
  const { t } = useTranslation();
  if (total === 0) return <Typography.Text type="secondary">{t('safety.coverage.none')}</Typography.Text>;
  return (
    <>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/safety/enterprises/${item.id}`}>{item.name}</Link>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.industryCode} {item.industryName}
              {showInspection && ` · ${item.lastInspectedAt ? t('safety.coverage.lastInspected', { date: item.lastInspectedAt.slice(0, 10) }) : t('safety.enterprises.neverInspected')}`}
            </Typography.Text>
          </li>
        ))}
      </ul>
      {total > items.length && <Typography.Text type="secondary">{t('safety.coverage.more', { count: total - items.length })}</Typography.Text>}
    </>
  );
}

/** One row per county-level region; a row opens to the enterprises behind its gaps. */
export function CoverageTable({ regions, months, loading }: { regions: CoverageRegion[]; months: number; loading: boolean }) {
  const { t } = useTranslation();
  const count = (value: number, color: string) => (value > 0 ? <Tag color={color}>{value}</Tag> : <Tag>{0}</Tag>);
  const columns: TableColumnsType<CoverageRegion> = [
    { key: 'region', title: t('safety.coverage.region'), render: (_, r) => `${r.regionName ?? ''}（${r.regionCode}）` },
    { key: 'enterprises', title: t('safety.coverage.enterprises'), dataIndex: 'enterprises', align: 'right' },
    { key: 'unsupervised', title: t('safety.coverage.unsupervised'), align: 'right', render: (_, r) => count(r.unsupervised, 'error') },
    { key: 'notInspected', title: t('safety.coverage.notInspected', { months }), align: 'right', render: (_, r) => count(r.notInspected, 'warning') },
    {
      key: 'rate',
      title: t('safety.coverage.rate'),
      align: 'right',
      render: (_, r) => (r.enterprises === 0 ? '—' : `${(((r.enterprises - r.unsupervised) / r.enterprises) * 100).toFixed(1)}%`),
    },
  ];
  return (
    <Table<CoverageRegion>
      rowKey="regionCode"
      size="middle"
      columns={columns}
      dataSource={regions}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <Empty description={t('safety.coverage.empty')} /> }}
      expandable={{
        rowExpandable: (r) => r.unsupervised + r.notInspected > 0,
        expandedRowRender: (r) => (
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 24 }}>
            <div>
              <Typography.Title level={5}>{t('safety.coverage.unsupervised')}</Typography.Title>
              <GapList items={r.unsupervisedItems} total={r.unsupervised} showInspection={false} />
            </div>
            <div>
              <Typography.Title level={5}>{t('safety.coverage.notInspected', { months })}</Typography.Title>
              <GapList items={r.notInspectedItems} total={r.notInspected} showInspection />
            </div>
          </div>
        ),
      }}
      data-testid="coverage-table"
    />
  );
}
