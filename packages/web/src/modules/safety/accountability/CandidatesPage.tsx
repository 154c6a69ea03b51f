import { Alert, Button, Card, Flex, InputNumber, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { RegionName } from '../../regions/components/RegionName';
import { useLabel } from '../responsibility/useLabel';
import type { Candidate, CandidateKind } from './accountability.types';
import { CandidateDrawer } from './CandidateDrawer';
import { formatLateness } from './lateness';
import { useCandidates } from './useAccountability';

type Shown = CandidateKind | 'all';

/** Accountability candidates (问责线索): what the platform proposes; a person looks at the evidence and decides. */
export default function CandidatesPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const [shown, setShown] = useState<Shown>('all');
  const [overdueDays, setOverdueDays] = useState<number | undefined>(undefined);
  const candidates = useCandidates({ ...(shown === 'all' ? {} : { kind: shown }), ...(overdueDays !== undefined ? { overdueDays } : {}) });
  const [open, setOpen] = useState<Candidate | null>(null);
  const data = candidates.data;

  return (
    <>
      <PageHeader
        title={t('accountability.candidates.title')}
        description={t('accountability.candidates.description')}
        actions={
          <Link to="/safety/accountability/records">
            <Button>{t('accountability.records.title')}</Button>
          </Link>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented<Shown> value={shown} onChange={setShown} options={(['all', 'overdue_major_hazard', 'late_accident_report'] as const).map((value) => ({ value, label: t(`accountability.candidates.kind.${value}`) }))} data-testid="candidates-kind" />
          <span>
            {t('accountability.candidates.overdueDays')}{' '}
            <InputNumber min={0} max={365} precision={0} value={overdueDays ?? data?.overdueDays} onChange={(value) => setOverdueDays(value ?? undefined)} suffix={t('accountability.candidates.daysSuffix')} data-testid="candidates-overdue-days" />
          </span>
          {data && <Typography.Text type="secondary">{t('accountability.candidates.lookback', { days: data.lookbackDays })}</Typography.Text>}
        </Flex>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('accountability.candidates.hint')} />
        <QueryError error={candidates.error} />
        <Table<Candidate>
          rowKey="key"
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          loading={candidates.isLoading}
          dataSource={data?.items ?? []}
          data-testid="candidates-table"
          columns={[
            { key: 'kind', title: t('accountability.candidates.kindColumn'), render: (_, row) => <Tag color={row.kind === 'overdue_major_hazard' ? 'volcano' : 'magenta'}>{label(row.kindLabel)}</Tag> },
            { key: 'title', title: t('accountability.candidates.item'), dataIndex: 'title' },
            { key: 'region', title: t('accountability.region'), render: (_, row) => <RegionName code={row.regionCode} /> },
            { key: 'due', title: t('accountability.candidates.dueAt'), render: (_, row) => formatDateTime(row.dueAt).slice(0, 16) },
            { key: 'late', title: t('accountability.candidates.late'), render: (_, row) => <Typography.Text type="danger">{(row.doneAt ? t('accountability.candidates.doneLate') : t('accountability.candidates.stillOverdue')) + formatLateness(row.lateMinutes, t)}</Typography.Text> },
            {
              key: 'open',
              title: t('common.actions'),
              render: (_, row) => (
                <Button size="small" type="link" onClick={() => setOpen(row)} data-testid={`candidate-open-${row.key}`}>
                  {t('accountability.candidates.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {open && <CandidateDrawer candidate={open} onClose={() => setOpen(null)} />}
    </>
  );
}
