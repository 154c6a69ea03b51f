import { Alert, Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import type { AccidentDetail, LevelDeadline } from './accidents.types';
import { formatSpan } from './format';
import { useNow } from './useNow';

/** The status now: a pending report whose deadline has passed while the page was open is overdue. */
function liveStatus(level: LevelDeadline, now: number): LevelDeadline['status'] {
  return level.status === 'pending' && new Date(level.dueAt).getTime() < now ? 'overdue' : level.status;
}

function ClockTag({ level, now }: { level: LevelDeadline; now: number }) {
  const { t } = useTranslation();
  const due = new Date(level.dueAt).getTime();
  const status = liveStatus(level, now);
  const testId = `clock-status-${level.level}`;
  switch (status) {
    case 'on_time':
      return (
        <Tag color="success" data-testid={testId} data-status={status}>
          {t('accidents.clock.onTime')}
        </Tag>
      );
    case 'late':
      return (
        <Tag color="error" data-testid={testId} data-status={status}>
          {t('accidents.clock.lateBy', { span: formatSpan(new Date(level.reportedAt!).getTime() - due, t) })}
        </Tag>
      );
    case 'pending':
      return (
        <Tag color="processing" data-testid={testId} data-status={status}>
          {t('accidents.clock.dueIn', { span: formatSpan(due - now, t) })}
        </Tag>
      );
    default:
      return (
        <Tag color="error" data-testid={testId} data-status={status}>
          {t('accidents.clock.overdueBy', { span: formatSpan(now - due, t) })}
        </Tag>
      );
  }
}

/**
 * The legal reporting clock (Order 493 art. 9–11): the unit reports to the county within 1 hour
 * of learning of the accident, each level passes it up within 2 hours, up to the level the grade
 * requires. Pending deadlines count down in the browser.
 */
export function ReportingClock({ accident, canReport, onRecord }: { accident: AccidentDetail; canReport: boolean; onRecord: () => void }) {
  const { t } = useTranslation();
  const { levels, owed, beyondChain } = accident.reporting;
  const now = useNow(owed.length > 0);
  const columns: TableColumnsType<LevelDeadline> = [
    { key: 'level', title: t('accidents.clock.level'), render: (_, l) => <Typography.Text strong>{t(`accidents.level.${l.level}`)}</Typography.Text> },
    { key: 'owedBy', title: t('accidents.clock.owedBy'), render: (_, l) => t(`accidents.owedBy.${l.owedBy}`) },
    { key: 'dueAt', title: t('accidents.clock.dueAt'), render: (_, l) => formatDateTime(l.dueAt) },
    { key: 'reportedAt', title: t('accidents.clock.reportedAt'), render: (_, l) => (l.reportedAt ? formatDateTime(l.reportedAt) : t('common.empty')) },
    { key: 'status', title: t('accidents.clock.status'), render: (_, l) => <ClockTag level={l} now={now} /> },
  ];
  return (
    <Card
      title={t('accidents.clock.title')}
      extra={
        canReport &&
        owed.length > 0 && (
          <Button type="primary" onClick={onRecord} data-testid="clock-record">
            {t('accidents.clock.record')}
          </Button>
        )
      }
      data-testid="accident-clock"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('accidents.clock.rule', { learnedAt: formatDateTime(accident.learnedAt) })}</Typography.Text>
        {owed.length > 0 && (
          <Alert
            type={owed.some((l) => liveStatus(l, now) === 'overdue') ? 'error' : 'warning'}
            showIcon
            data-testid="clock-owed"
            title={t('accidents.clock.owes', { list: owed.map((l) => t('accidents.clock.owesItem', { owedBy: t(`accidents.owedBy.${l.owedBy}`), level: t(`accidents.level.${l.level}`) })).join(t('common.listSeparator')) })}
          />
        )}
        <Table<LevelDeadline> rowKey="level" size="small" columns={columns} dataSource={levels} pagination={false} data-testid="clock-levels" />
        {beyondChain.length > 0 && (
          <Typography.Text type="secondary">
            {t('accidents.clock.beyondChain', { list: beyondChain.map((b) => `${t(`accidents.level.${b.level}`)} ${formatDateTime(b.reportedAt)}`).join(t('common.listSeparator')) })}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
