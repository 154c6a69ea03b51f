import { Card, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../../app/api/useCursorList';
import { LoadMore } from '../../../app/layout/LoadMore';
import { QueryError } from '../../../app/layout/QueryError';
import { RegionName } from '../../regions/components/RegionName';
import { CategoryTag } from '../persons/categories';
import { checkpointKeys, checkpointsApi } from './checkpoints.api';
import type { Arrival } from './checkpoints.types';

export const LEVEL_COLORS = { low: 'green', medium: 'orange', high: 'red' } as const;

/** Arrivals registered at a checkpoint, newest first. */
export function ArrivalsTable({ checkpointId }: { checkpointId: string }) {
  const { t } = useTranslation();
  const arrivals = useCursorList(checkpointKeys.arrivals(checkpointId), (cursor) => checkpointsApi.arrivals(checkpointId, cursor));
  const columns: TableColumnsType<Arrival> = [
    { key: 'date', title: t('epidemicOps.checkpoints.field.arrivalDate'), dataIndex: 'arrivalDate' },
    { key: 'origin', title: t('epidemicOps.checkpoints.field.origin'), render: (_, a) => a.originText },
    { key: 'level', title: t('epidemicOps.checkpoints.field.originLevel'), render: (_, a) => <Tag color={LEVEL_COLORS[a.originLevel]}>{t(`epidemicOps.level.${a.originLevel}`)}</Tag> },
    { key: 'transport', title: t('epidemicOps.checkpoints.field.transport'), render: (_, a) => `${t(`epidemicOps.transport.${a.transport}`)}${a.tripNo ? ` ${a.tripNo}` : ''}` },
    { key: 'grid', title: t('epidemicOps.checkpoints.field.destinationGrid'), render: (_, a) => <RegionName code={a.gridCode} /> },
    { key: 'person', title: t('epidemicOps.checkpoints.field.person'), render: (_, a) => (a.person ? <>{a.person.name} <CategoryTag code={a.person.category} /></> : <Tag>{t('epidemicOps.checkpoints.notListed')}</Tag>) },
  ];
  return (
    <Card size="small" title={t('epidemicOps.checkpoints.arrivals')}>
      <QueryError error={arrivals.error} />
      <Table<Arrival> rowKey="id" size="small" columns={columns} dataSource={arrivals.items} loading={arrivals.isLoading} pagination={false} scroll={{ x: 'max-content' }} data-testid="arrivals-table" />
      <LoadMore hasMore={arrivals.hasMore} loading={arrivals.isLoadingMore} onLoadMore={arrivals.loadMore} testId="arrivals-load-more" />
    </Card>
  );
}
