import { Card, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/layout/QueryError';
import type { MissedFollowups } from './followups.types';
import { useMissedFollowups } from './useFollowups';

type Row = MissedFollowups['children'][number];

/** Missed follow-ups of a day per child region, with how far they have escalated (逐级督办). */
export function MissedByRegion({ regionCode, date }: { regionCode: string | undefined; date: string }) {
  const { t } = useTranslation();
  const missed = useMissedFollowups(regionCode, date);
  const rows = (missed.data?.children ?? []).filter((c) => c.due > 0);
  const columns: TableColumnsType<Row> = [
    { key: 'name', title: t('epidemicOps.field.region'), dataIndex: 'name' },
    { key: 'due', title: t('epidemicOps.followups.missedTable.due'), dataIndex: 'due', align: 'right' },
    { key: 'missed', title: t('epidemicOps.followups.missedTable.missed'), dataIndex: 'missed', align: 'right', render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : 0) },
    { key: 'town', title: t('epidemicOps.escalation.town'), dataIndex: 'town', align: 'right', render: (n: number) => (n > 0 ? <Tag color="volcano">{n}</Tag> : 0) },
    { key: 'district', title: t('epidemicOps.escalation.district'), dataIndex: 'district', align: 'right', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0) },
  ];
  return (
    <Card size="small" title={t('epidemicOps.followups.missedTitle', { date: missed.data?.date ?? date, missed: missed.data?.missed ?? 0, due: missed.data?.due ?? 0 })} data-testid="missed-by-region">
      <QueryError error={missed.error} />
      <Table<Row> rowKey="regionCode" size="small" columns={columns} dataSource={rows} loading={missed.isLoading} pagination={false} locale={{ emptyText: t('epidemicOps.followups.missedNone') }} />
    </Card>
  );
}
