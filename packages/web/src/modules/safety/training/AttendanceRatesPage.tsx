import { Card, DatePicker, Empty, Flex, Form, Select, Spin, Statistic, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { percent } from './labels';
import type { AttendanceRates } from './training.types';
import { useAttendanceRates, useSessions } from './useTraining';

// ECharts is loaded with the chart, not with the page.
const AttendanceRatesChart = lazy(() => import('./AttendanceRatesChart').then((m) => ({ default: m.AttendanceRatesChart })));

interface Query {
  sessionId?: string;
  from?: string;
  to?: string;
}

/** 参训率 by unit over one session or the sessions of a period, lowest first. */
export default function AttendanceRatesPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Query>({});
  const rates = useAttendanceRates(query);
  const sessions = useSessions({});
  const pickPeriod = (range: [Dayjs | null, Dayjs | null] | null) =>
    setQuery({ ...(query.sessionId ? { sessionId: query.sessionId } : {}), ...(range?.[0] ? { from: range[0].format('YYYY-MM-DD') } : {}), ...(range?.[1] ? { to: range[1].format('YYYY-MM-DD') } : {}) });
  const data = rates.data;

  return (
    <>
      <PageHeader title={t('training.rates.title')} description={t('training.rates.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('training.rates.session')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('training.rates.allSessions')}
              style={{ width: 360 }}
              value={query.sessionId}
              onChange={(sessionId?: string) => setQuery({ ...query, sessionId: sessionId || undefined })}
              options={sessions.items.map((s) => ({ value: s.id, label: s.title }))}
              data-testid="rates-session"
            />
          </Form.Item>
          <Form.Item label={t('training.rates.period')}>
            <DatePicker.RangePicker onChange={(range) => pickPeriod(range as [Dayjs | null, Dayjs | null] | null)} data-testid="rates-period" />
          </Form.Item>
        </Form>
      </Card>
      <QueryError error={rates.error} />
      {rates.isPending && <Spin />}
      {data && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Flex gap={32} wrap data-testid="rates-total">
              <Statistic title={t('training.rates.sessions')} value={data.sessions} />
              <Statistic title={t('training.tally.required')} value={data.total.required} />
              <Statistic title={t('training.tally.attended')} value={data.total.attended} />
              <Statistic title={t('training.tally.rate')} value={percent(data.total.rate)} />
            </Flex>
          </Card>
          <Card title={t('training.rates.byUnit')}>
            {data.items.length === 0 ? (
              <Empty />
            ) : (
              <>
                <Suspense fallback={<Spin />}>
                  <AttendanceRatesChart rates={data} />
                </Suspense>
                <Table<AttendanceRates['items'][number]>
                  rowKey={(row) => `${row.groupKind}:${row.groupId}`}
                  dataSource={data.items}
                  pagination={false}
                  size="small"
                  data-testid="rates-table"
                  columns={[
                    { title: t('training.rates.unit'), key: 'name', render: (_, row) => <>{row.name ?? row.groupId} <Tag>{t(`training.groupKind.${row.groupKind}`)}</Tag></> },
                    { title: t('training.tally.required'), dataIndex: 'required', width: 100 },
                    { title: t('training.tally.attended'), dataIndex: 'attended', width: 100 },
                    { title: t('training.tally.partial'), dataIndex: 'partial', width: 100 },
                    { title: t('training.tally.absent'), dataIndex: 'absent', width: 100 },
                    { title: t('training.tally.rate'), dataIndex: 'rate', width: 100, render: (rate: number | null) => percent(rate) },
                  ]}
                />
              </>
            )}
          </Card>
        </>
      )}
    </>
  );
}
