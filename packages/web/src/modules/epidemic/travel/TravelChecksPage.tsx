import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCursorList } from '../../../app/api/useCursorList';
import { formatDateTime } from '../../../app/formatDateTime';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { RegionName } from '../../regions/components/RegionName';
import { checkpointKeys, checkpointsApi } from '../checkpoints/checkpoints.api';
import { travelApi, travelKeys } from './travel.api';
import type { TravelCheckEntry, TravelCheckFilter, TravelDecision } from './travel.types';

const DECISIONS: TravelDecision[] = ['deny', 'alert', 'allow'];
const DECISION_COLORS = { deny: 'red', alert: 'orange', allow: 'green' } as const;

/** 出行核验记录: the checks of the ground by day and decision, as the dashboard's figures open them (?day=&decision=). */
export default function TravelChecksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const decision = params.get('decision');
  const filter: TravelCheckFilter = {
    ...(params.get('day') ? { day: params.get('day')! } : {}),
    ...(decision && (DECISIONS as string[]).includes(decision) ? { decision: decision as TravelDecision } : {}),
  };
  const log = useCursorList(travelKeys.log(filter), (cursor) => travelApi.log(filter, cursor));
  const checkpoints = useQuery({ queryKey: checkpointKeys.list, queryFn: checkpointsApi.list });
  const checkpointName = new Map((checkpoints.data?.items ?? []).map((c) => [c.id, c.name]));
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  const columns: TableColumnsType<TravelCheckEntry> = [
    { key: 'at', title: t('epidemicOps.travel.log.col.checkedAt'), render: (_, c) => formatDateTime(c.checkedAt) },
    {
      key: 'place',
      title: t('epidemicOps.travel.log.col.place'),
      render: (_, c) => (
        <>
          {c.checkpointId ? (checkpointName.get(c.checkpointId) ?? c.checkpointId) : <RegionName code={c.regionCode} />}
          {c.deviceTokenId && <Tag style={{ marginInlineStart: 8 }}>{t('epidemicOps.travel.log.gate')}</Tag>}
        </>
      ),
    },
    { key: 'destination', title: t('epidemicOps.travel.log.col.destination'), dataIndex: 'destination' },
    { key: 'travelDate', title: t('epidemicOps.travel.log.col.travelDate'), dataIndex: 'travelDate' },
    { key: 'decision', title: t('epidemicOps.travel.log.decision'), render: (_, c) => <Tag color={DECISION_COLORS[c.decision]}>{t(`epidemicOps.travel.decision.${c.decision}`)}</Tag> },
    {
      key: 'reasons',
      title: t('epidemicOps.travel.log.col.reasons'),
      render: (_, c) => (
        <Flex wrap gap={4}>
          {c.reasons.map((r) => (
            <Tag key={`${r.ruleId}-${r.code}`}>{t(`epidemicOps.travel.reason.${r.code}`, { defaultValue: r.code })}</Tag>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('epidemicOps.travel.log.title')} description={t('epidemicOps.travel.log.description')} />
      <Card>
        <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
          <Flex align="center" gap={8}>
            <Typography.Text>{t('epidemicOps.travel.log.day')}</Typography.Text>
            <DatePicker value={filter.day ? dayjs(filter.day) : null} onChange={(d) => set('day', d ? d.format('YYYY-MM-DD') : undefined)} data-testid="travel-log-day" />
          </Flex>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('epidemicOps.travel.log.anyDecision')}
            value={filter.decision ?? null}
            onChange={(value: TravelDecision | undefined) => set('decision', value ?? undefined)}
            options={DECISIONS.map((d) => ({ value: d, label: t(`epidemicOps.travel.decision.${d}`) }))}
            data-testid="travel-log-decision"
          />
        </Flex>
        <QueryError error={log.error} />
        <Table<TravelCheckEntry> rowKey="id" size="small" columns={columns} dataSource={log.items} loading={log.isLoading} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('epidemicOps.travel.log.empty') }} data-testid="travel-log" />
        <LoadMore hasMore={log.hasMore} loading={log.isLoadingMore} onLoadMore={log.loadMore} testId="travel-log-load-more" />
      </Card>
    </>
  );
}
