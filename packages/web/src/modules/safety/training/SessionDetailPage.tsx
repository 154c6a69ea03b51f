import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../app/api/problem';
import { formatDateTime } from '../../../app/formatDateTime';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { AttendanceTag } from './AttendanceTag';
import { CourseLink } from './CourseLink';
import { RecordMinutesModal } from './RecordMinutesModal';
import { RosterCard } from './RosterCard';
import type { SessionDetail } from './training.types';
import { useSession } from './useTraining';

function Basics({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const targets = session.targets;
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="session-basic">
      <Descriptions.Item label={t('training.session.course')} span={2}>
        {session.course.title}
      </Descriptions.Item>
      <Descriptions.Item label={t('training.course.source')}>{session.course.source}</Descriptions.Item>
      <Descriptions.Item label={t('training.course.duration')}>{t('training.minutesValue', { n: session.course.durationMinutes })}</Descriptions.Item>
      <Descriptions.Item label={t('training.course.where')}>
        <CourseLink link={session.course.link} fileRef={session.course.fileRef} />
      </Descriptions.Item>
      <Descriptions.Item label={t('training.session.requiredMinutes')}>{t('training.minutesValue', { n: session.requiredMinutes })}</Descriptions.Item>
      <Descriptions.Item label={t('training.session.startsAt')}>{formatDateTime(session.startsAt)}</Descriptions.Item>
      <Descriptions.Item label={t('training.session.endsAt')}>{session.endsAt ? formatDateTime(session.endsAt) : t('common.empty')}</Descriptions.Item>
      <Descriptions.Item label={t('training.session.mode')}>{t(`training.mode.${session.mode}`)}</Descriptions.Item>
      <Descriptions.Item label={t('training.session.place')}>{session.place ?? t('common.empty')}</Descriptions.Item>
      <Descriptions.Item label={t('training.session.organiser')}>{session.organiserName ?? t('common.empty')}</Descriptions.Item>
      {targets && (
        <Descriptions.Item label={t('training.session.required')} span={3}>
          <Space wrap size={4}>
            {targets.units.map((u) => (
              <Tag key={u.id} color="blue">
                {u.name ?? u.id}
              </Tag>
            ))}
            {targets.accounts.map((a) => (
              <Tag key={a.id}>{a.displayName ?? a.id}</Tag>
            ))}
          </Space>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function MyRecord({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const mine = session.myAttendance!;
  return (
    <Card title={t('training.my.title')} data-testid="session-mine">
      <Space size="large" wrap>
        <Typography.Text>
          {t('training.my.watched', { watched: mine.watchedMinutes, required: session.requiredMinutes })}
        </Typography.Text>
        <AttendanceTag status={mine.status} testId="session-my-status" />
        {session.canRecord && (
          <Button type="primary" onClick={() => setRecording(true)} data-testid="session-record">
            {t('training.record.open')}
          </Button>
        )}
        {!session.canRecord && <Typography.Text type="secondary">{t('training.my.notYet')}</Typography.Text>}
      </Space>
      {recording && <RecordMinutesModal sessionId={session.id} watchedMinutes={mine.watchedMinutes} requiredMinutes={session.requiredMinutes} version={mine.version} onClose={() => setRecording(false)} />}
    </Card>
  );
}

export default function SessionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession(id);
  if (session.isPending) return <Spin />;
  if (isApiError(session.error) && session.error.status === 404) return <Result status="404" title={t('training.sessions.notFound')} extra={<Link to="/safety/training/sessions">{t('common.back')}</Link>} />;
  if (!session.data) return <QueryError error={session.error} />;
  const s = session.data;
  return (
    <Flex vertical gap={16} data-testid="session-detail">
      <PageHeader
        title={s.title}
        description={s.regionName ?? undefined}
        actions={
          <Space>
            {s.isDemo && <Tag>{t('training.demo')}</Tag>}
            <Link to="/safety/training/sessions">
              <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
            </Link>
          </Space>
        }
      />
      <Card>
        <Basics session={s} />
      </Card>
      {s.myAttendance && <MyRecord session={s} />}
      {s.roster && <RosterCard session={s} />}
    </Flex>
  );
}
