import type { HTMLAttributes } from 'react';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionName } from '../../regions/components/RegionName';
import { CategoryTag } from '../persons/categories';
import type { ClusterSummary } from './tracing.types';

/** Clusters, largest first; a click opens the cluster's chain. */
export function ClustersTable({ clusters, loading, selectedId, onOpen }: { clusters: ClusterSummary[]; loading: boolean; selectedId: string | null; onOpen: (cluster: ClusterSummary) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ClusterSummary> = [
    {
      key: 'indexCase',
      title: t('epidemicOps.tracing.indexCase'),
      render: (_, c) =>
        c.indexCase ? (
          <>
            <Typography.Text strong>{c.indexCase.name}</Typography.Text> <CategoryTag code={c.indexCase.category} />
            <div>
              <Typography.Text type="secondary">
                <RegionName code={c.indexCase.gridCode} />
              </Typography.Text>
            </div>
          </>
        ) : (
          <Typography.Text type="secondary">{t('epidemicOps.tracing.outsideGround')}</Typography.Text>
        ),
    },
    { key: 'size', title: t('epidemicOps.tracing.size'), dataIndex: 'size', align: 'right' },
    { key: 'generations', title: t('epidemicOps.tracing.generations'), dataIndex: 'generations', align: 'right' },
    { key: 'period', title: t('epidemicOps.tracing.period'), render: (_, c) => (c.firstDate ? `${c.firstDate} — ${c.lastDate}` : t('common.empty')) },
    {
      key: 'growth',
      title: t('epidemicOps.tracing.lastGrowth'),
      render: (_, c) => {
        const last = c.growth.at(-1);
        return last ? <Tag color="volcano">{t('epidemicOps.tracing.growthOn', { date: last.date, added: last.added })}</Tag> : t('common.empty');
      },
    },
  ];
  return (
    <Table<ClusterSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={clusters}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content', y: 420 }}
      rowClassName={(c) => (c.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(c) => ({ onClick: () => onOpen(c), style: { cursor: 'pointer' }, 'data-testid': `cluster-row-${c.id}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('epidemicOps.tracing.noClusters') }}
      data-testid="clusters-table"
    />
  );
}
