import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { useMe } from '../../auth/hooks/useMe';
import { usePermission } from '../../auth/hooks/usePermission';
import { AttendanceTag } from './AttendanceTag';
import { percent } from './labels';
import { RecordMinutesModal } from './RecordMinutesModal';
import { SessionFormDrawer } from './SessionFormDrawer';
import type { InvitedSession, Session } from './training.types';
import { useMySessions, useSessions } from './useTraining';

function Title({ session }: { session: { id: string; title: string; isDemo: boolean } }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/safety/training/sessions/${session.id}`}>{session.title}</Link> {session.isDemo && <Tag>{t('training.demo')}</Tag>}
    </>
  );
}

/** The sessions the user is required at, with their own record, and a button to record minutes. */
function MySessions() {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const sessions = useMySessions(pending);
  const canAttend = usePermission('training:attend');
  const [recording, setRecording] = useState<InvitedSession | null>(null);
  return (
    <>
      <Typography.Text>
        {t('training.sessions.onlyPending')} <Switch size="small" checked={pending} onChange={setPending} data-testid="my-sessions-pending" />
      </Typography.Text>
      <QueryError error={sessions.error} />
      <Table<InvitedSession>
        rowKey="id"
        loading={sessions.isLoading}
        dataSource={sessions.items}
        pagination={false}
        style={{ marginTop: 12 }}
        scroll={{ x: 900 }}
        data-testid="my-sessions-table"
        columns={[
          { title: t('training.session.title'), key: 'title', render: (_, s) => <Title session={s} /> },
          { title: t('training.session.organiser'), dataIndex: 'organiserName', width: 180 },
          { title: t('training.session.startsAt'), dataIndex: 'startsAt', width: 170, render: formatDateTime },
          { title: t('training.session.watched'), key: 'watched', width: 130, render: (_, s) => `${s.myAttendance.watchedMinutes} / ${s.requiredMinutes}` },
          { title: t('training.session.status'), key: 'status', width: 100, render: (_, s) => <AttendanceTag status={s.myAttendance.status} /> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_, s) =>
              canAttend && new Date(s.startsAt).getTime() <= Date.now() ? (
                <Button size="small" onClick={() => setRecording(s)} data-testid={`my-session-record-${s.id}`}>
                  {t('training.record.open')}
                </Button>
              ) : null,
          },
        ]}
      />
      <LoadMore hasMore={sessions.hasMore} loading={sessions.isLoadingMore} onLoadMore={sessions.loadMore} testId="my-sessions-load-more" />
      {recording && (
        <RecordMinutesModal
          sessionId={recording.id}
          watchedMinutes={recording.myAttendance.watchedMinutes}
          requiredMinutes={recording.requiredMinutes}
          version={recording.myAttendance.version}
          onClose={() => setRecording(null)}
        />
      )}
    </>
  );
}

/** Sessions organised in the ground, each with its attendance. */
function GroundSessions() {
  const { t } = useTranslation();
  const sessions = useSessions({});
  return (
    <>
      <QueryError error={sessions.error} />
      <Table<Session>
        rowKey="id"
        loading={sessions.isLoading}
        dataSource={sessions.items}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="sessions-table"
        columns={[
          { title: t('training.session.title'), key: 'title', render: (_, s) => <Title session={s} /> },
          { title: t('training.session.course'), key: 'course', width: 240, ellipsis: true, render: (_, s) => s.course.title },
          { title: t('training.session.organiser'), dataIndex: 'organiserName', width: 170 },
          { title: t('training.session.startsAt'), dataIndex: 'startsAt', width: 170, render: formatDateTime },
          { title: t('training.tally.attendedOfRequired'), key: 'tally', width: 120, render: (_, s) => `${s.tally.attended} / ${s.tally.required}` },
          { title: t('training.tally.rate'), key: 'rate', width: 110, render: (_, s) => percent(s.tally.rate) },
        ]}
      />
      <LoadMore hasMore={sessions.hasMore} loading={sessions.isLoadingMore} onLoadMore={sessions.loadMore} testId="sessions-load-more" />
    </>
  );
}

export default function SessionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useMe();
  const canManage = usePermission('training:manage');
  const [creating, setCreating] = useState(false);
  // An enterprise officer sees only the sessions they are on.
  const seesGround = !me?.ground.enterpriseId;
  return (
    <>
      <PageHeader
        title={t('training.sessions.title')}
        description={t('training.sessions.description')}
        actions={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="session-add">
              {t('training.sessions.add')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          defaultActiveKey={seesGround ? 'ground' : 'mine'}
          items={[
            { key: 'mine', label: t('training.sessions.mine'), children: <MySessions /> },
            ...(seesGround ? [{ key: 'ground', label: t('training.sessions.ground'), children: <GroundSessions /> }] : []),
          ]}
          data-testid="sessions-tabs"
        />
      </Card>
      {creating && <SessionFormDrawer onClose={() => setCreating(false)} onCreated={(session) => navigate(`/safety/training/sessions/${session.id}`)} />}
    </>
  );
}
