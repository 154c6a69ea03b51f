import { App, Badge, Button, Card, Col, DatePicker, Flex, Row, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { CategoryTag } from '../persons/categories';
import { AlertsCard } from './AlertsCard';
import { FollowupModal } from './FollowupModal';
import type { FollowupsToday, PersonBrief } from './followups.types';
import { MissedByRegion } from './MissedByRegion';
import { ReleaseButton } from './ReleaseButton';
import { useFollowupsToday } from './useFollowups';

type Due = FollowupsToday['due'][number];
type ReleaseDue = FollowupsToday['releaseDue'][number];
type Missed = FollowupsToday['missedYesterday'][number];

const ESCALATION_COLORS = { community: 'gold', town: 'volcano', district: 'red' } as const;

function PersonCell({ person }: { person: PersonBrief }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/epidemic/persons/${person.id}`}>{person.name}</Link> <CategoryTag code={person.category} />
      {person.isDemo && <Tag>{t('epidemicOps.demo')}</Tag>}
      <div>
        <Typography.Text type="secondary">
          <RegionName code={person.gridCode} />
        </Typography.Text>
      </div>
    </>
  );
}

/** 每日随访: the grid worker's list for a day, one click to record a follow-up or release. */
export default function FollowupsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canWrite = usePermission('followups:write');
  // The dashboard opens this page on a tab, a day, a region and a measure (?tab=&date=&gridCode=&measure=&pending=1).
  const [params, setParams] = useSearchParams();
  const [gridCode, setGridCode] = useState<string | undefined>(() => params.get('gridCode') ?? undefined);
  const [date, setDate] = useState(() => params.get('date') ?? dayjs().format('YYYY-MM-DD'));
  const tab = params.get('tab') ?? 'due';
  const measureFilter = params.get('measure');
  const pendingOnly = params.get('pending') === '1';
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const today = useFollowupsToday(gridCode, date);
  const [recording, setRecording] = useState<{ person: PersonBrief; date: string; testDue: boolean } | null>(null);
  const yesterday = dayjs(date).subtract(1, 'day').format('YYYY-MM-DD');
  const measure = (code: string) => t(`epidemic.measure.${code}`, { defaultValue: code });

  const dueColumns: TableColumnsType<Due> = [
    { key: 'person', title: t('epidemicOps.field.name'), render: (_, d) => <PersonCell person={d.person} /> },
    { key: 'measure', title: t('epidemicOps.followups.col.measure'), render: (_, d) => measure(d.measure) },
    { key: 'day', title: t('epidemicOps.followups.col.planDay'), render: (_, d) => t('epidemicOps.followups.dayN', { n: d.planDay }) },
    { key: 'end', title: t('epidemicOps.followups.col.endDate'), render: (_, d) => d.endDate ?? t('epidemicOps.followups.untilRelease') },
    { key: 'test', title: t('epidemicOps.followups.col.test'), render: (_, d) => (d.testDueToday ? <Tag color="blue">{t('epidemicOps.followups.testDue')}</Tag> : null) },
    {
      key: 'action',
      title: t('common.actions'),
      render: (_, d) =>
        d.followedUp ? (
          <Tag color="success" data-testid={`followed-${d.person.id}`}>
            {t('epidemicOps.followups.followed')}
          </Tag>
        ) : (
          canWrite && (
            <Button size="small" type="primary" onClick={() => setRecording({ person: d.person, date, testDue: d.testDueToday })} data-testid={`followup-${d.person.id}`}>
              {t('epidemicOps.followups.followUp')}
            </Button>
          )
        ),
    },
  ];

  const releaseColumns: TableColumnsType<ReleaseDue> = [
    { key: 'person', title: t('epidemicOps.field.name'), render: (_, r) => <PersonCell person={r.person} /> },
    { key: 'end', title: t('epidemicOps.followups.col.endDate'), render: (_, r) => r.endDate ?? t('epidemicOps.followups.untilRelease') },
    {
      key: 'check',
      title: t('epidemicOps.followups.col.releaseCheck'),
      render: (_, r) =>
        r.canRelease ? (
          <Tag color="success">{t('epidemicOps.followups.canRelease')}</Tag>
        ) : (
          <Flex wrap gap={4}>
            {r.reasons.map((reason) => (
              <Tag key={reason} color="warning">
                {t(`epidemicOps.releaseReason.${reason}`, { defaultValue: reason })}
              </Tag>
            ))}
          </Flex>
        ),
    },
    { key: 'action', title: t('common.actions'), render: (_, r) => canWrite && <ReleaseButton person={r.person} disabled={!r.canRelease} /> },
  ];

  const missedColumns: TableColumnsType<Missed> = [
    { key: 'person', title: t('epidemicOps.field.name'), render: (_, m) => <PersonCell person={m.person} /> },
    { key: 'measure', title: t('epidemicOps.followups.col.measure'), render: (_, m) => measure(m.measure) },
    { key: 'days', title: t('epidemicOps.followups.col.consecutive'), render: (_, m) => t('epidemicOps.followups.consecutiveDays', { n: m.consecutiveDays }) },
    { key: 'escalated', title: t('epidemicOps.followups.col.escalatedTo'), render: (_, m) => <Tag color={ESCALATION_COLORS[m.escalatedTo]}>{t(`epidemicOps.escalation.${m.escalatedTo}`)}</Tag> },
    {
      key: 'action',
      title: t('common.actions'),
      render: (_, m) =>
        canWrite && (
          <Button size="small" onClick={() => setRecording({ person: m.person, date: yesterday, testDue: false })} data-testid={`followup-late-${m.person.id}`}>
            {t('epidemicOps.followups.catchUp')}
          </Button>
        ),
    },
  ];

  const data = today.data;
  const dueRows = data?.due.filter((d) => (!measureFilter || d.measure === measureFilter) && (!pendingOnly || !d.followedUp));
  const table = <T extends { person: PersonBrief }>(rows: T[] | undefined, columns: TableColumnsType<T>, testId: string, empty: string) => (
    <Table<T> rowKey={(r) => r.person.id} size="small" columns={columns} dataSource={rows ?? []} loading={today.isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 'max-content' }} locale={{ emptyText: empty }} data-testid={testId} />
  );

  return (
    <>
      <PageHeader title={t('epidemicOps.followups.title')} description={t('epidemicOps.followups.description')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <Flex align="center" gap={8} style={{ minWidth: 320 }}>
            <Typography.Text>{t('epidemicOps.field.grid')}</Typography.Text>
            <div style={{ flex: 1 }}>
              <RegionTreeSelect single value={gridCode} onChange={(code) => setGridCode(code || undefined)} data-testid="followups-grid" />
            </div>
          </Flex>
          <Flex align="center" gap={8}>
            <Typography.Text>{t('epidemicOps.field.day')}</Typography.Text>
            <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} data-testid="followups-date" />
          </Flex>
          <Typography.Text type="secondary">{t('epidemicOps.demoDateHint')}</Typography.Text>
        </Flex>
      </Card>
      <QueryError error={today.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card size="small">
            {(measureFilter || pendingOnly) && (
              <Flex gap={4} style={{ marginBottom: 8 }} data-testid="followups-filters">
                {measureFilter && (
                  <Tag closable onClose={() => setParam('measure', null)}>
                    {measure(measureFilter)}
                  </Tag>
                )}
                {pendingOnly && (
                  <Tag closable onClose={() => setParam('pending', null)}>
                    {t('epidemicOps.followups.pendingOnly')}
                  </Tag>
                )}
              </Flex>
            )}
            <Tabs
              activeKey={tab}
              onChange={(key) => setParam('tab', key)}
              items={[
                {
                  key: 'due',
                  label: (
                    <span data-testid="tab-due">
                      {t('epidemicOps.followups.due')} <Badge count={data?.due.filter((d) => !d.followedUp).length ?? 0} showZero color="blue" />
                    </span>
                  ),
                  children: table(dueRows, dueColumns, 'followups-due', t('epidemicOps.followups.noneDue')),
                },
                {
                  key: 'release',
                  label: (
                    <span data-testid="tab-release">
                      {t('epidemicOps.followups.releaseDue')} <Badge count={data?.releaseDue.filter((r) => r.canRelease).length ?? 0} showZero color="green" />
                    </span>
                  ),
                  children: table(data?.releaseDue, releaseColumns, 'followups-release', t('epidemicOps.followups.noneRelease')),
                },
                {
                  key: 'missed',
                  label: (
                    <span data-testid="tab-missed">
                      {t('epidemicOps.followups.missedYesterday')} <Badge count={data?.missedYesterday.length ?? 0} showZero />
                    </span>
                  ),
                  children: table(data?.missedYesterday, missedColumns, 'followups-missed', t('epidemicOps.followups.noneMissed')),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <AlertsCard />
            <MissedByRegion regionCode={undefined} date={yesterday} />
          </Flex>
        </Col>
      </Row>
      {recording && (
        <FollowupModal
          person={recording.person}
          date={recording.date}
          testDue={recording.testDue}
          onClose={() => setRecording(null)}
          onSaved={() => {
            void message.success(t('epidemicOps.followups.saved', { name: recording.person.name }));
            setRecording(null);
          }}
        />
      )}
    </>
  );
}
