import { Button, Card, Flex, Segmented, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import { AttendanceTag } from './AttendanceTag';
import { percent } from './labels';
import { RecordMinutesModal } from './RecordMinutesModal';
import type { Attendee, SessionDetail } from './training.types';

type Show = 'all' | 'missing';

/** Who must attend and what each watched; the organiser filters those who have not attended and records for them. */
export function RosterCard({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const [show, setShow] = useState<Show>('all');
  const [recording, setRecording] = useState<Attendee | null>(null);
  const roster = session.roster ?? [];
  const tally = session.tally!;
  const rows = show === 'all' ? roster : roster.filter((row) => row.status !== 'attended');
  return (
    <Card title={t('training.roster.title')} data-testid="session-roster">
      <Flex gap={32} wrap style={{ marginBottom: 16 }} data-testid="session-tally">
        <Statistic title={t('training.tally.required')} value={tally.required} />
        <Statistic title={t('training.tally.attended')} value={tally.attended} />
        <Statistic title={t('training.tally.partial')} value={tally.partial} />
        <Statistic title={t('training.tally.absent')} value={tally.absent} />
        <Statistic title={t('training.tally.rate')} value={percent(tally.rate)} />
      </Flex>
      <Segmented<Show>
        value={show}
        onChange={setShow}
        options={[
          { value: 'all', label: t('training.roster.all', { n: roster.length }) },
          { value: 'missing', label: t('training.roster.missing', { n: roster.length - tally.attended }) },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="roster-show"
      />
      <Table<Attendee>
        rowKey="userId"
        dataSource={rows}
        pagination={false}
        size="small"
        scroll={{ x: 800 }}
        data-testid="roster-table"
        columns={[
          { title: t('training.roster.name'), dataIndex: 'displayName' },
          { title: t('training.roster.group'), key: 'group', render: (_, row) => <>{row.groupName ?? row.groupId} <Tag>{t(`training.groupKind.${row.groupKind}`)}</Tag></> },
          { title: t('training.session.watched'), key: 'watched', width: 120, render: (_, row) => `${row.watchedMinutes} / ${session.requiredMinutes}` },
          { title: t('training.session.status'), dataIndex: 'status', width: 100, render: (status: Attendee['status'], row) => <AttendanceTag status={status} testId={`roster-status-${row.userId}`} /> },
          { title: t('training.roster.recordedAt'), dataIndex: 'recordedAt', width: 170, render: formatDateTime },
          ...(session.canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, row: Attendee) => (
                    <Button size="small" onClick={() => setRecording(row)}>
                      {t('training.roster.record')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {recording && (
        <RecordMinutesModal
          sessionId={session.id}
          userId={recording.userId}
          name={recording.displayName}
          watchedMinutes={recording.watchedMinutes}
          requiredMinutes={session.requiredMinutes}
          version={recording.version}
          onClose={() => setRecording(null)}
        />
      )}
    </Card>
  );
}
