import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import type { AccidentDetail } from './accidents.types';

const STATUS_COLORS = { on_time: 'success', late: 'error', pending: 'processing', overdue: 'error', awaiting_report: 'default' } as const;

export type InvestigationAction = 'extend' | 'submit' | 'reply';

/** Art. 29 and 32: the investigation report due in 60 days (extensions recorded), then the government's reply. */
export function InvestigationCard({ accident, canReport, onAction }: { accident: AccidentDetail; canReport: boolean; onAction: (action: InvestigationAction) => void }) {
  const { t } = useTranslation();
  const { investigation, reply } = accident;
  const submitted = investigation.submittedAt !== null;
  return (
    <Card
      title={t('accidents.investigation.title')}
      extra={
        canReport && (
          <Space wrap>
            {!submitted && (
              <Button onClick={() => onAction('extend')} data-testid="investigation-extend">
                {t('accidents.investigation.extend')}
              </Button>
            )}
            {!submitted && (
              <Button onClick={() => onAction('submit')} data-testid="investigation-submit">
                {t('accidents.investigation.submit')}
              </Button>
            )}
            {submitted && reply.repliedAt === null && (
              <Button onClick={() => onAction('reply')} data-testid="investigation-reply">
                {t('accidents.investigation.reply')}
              </Button>
            )}
          </Space>
        )
      }
      data-testid="accident-investigation"
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('accidents.investigation.dueAt')}>
          <Space>
            {formatDateTime(investigation.dueAt)}
            <Tag color={STATUS_COLORS[investigation.status]} data-testid="investigation-status">
              {t(`accidents.deadline.${investigation.status}`)}
            </Tag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('accidents.investigation.submittedAt')}>{submitted ? formatDateTime(investigation.submittedAt) : t('common.empty')}</Descriptions.Item>
        <Descriptions.Item label={t('accidents.investigation.replyDueAt')}>
          <Space>
            {reply.dueAt ? formatDateTime(reply.dueAt) : t('accidents.investigation.replyAfterReport')}
            <Tag color={STATUS_COLORS[reply.status]} data-testid="reply-status">
              {t(`accidents.deadline.${reply.status}`)}
            </Tag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('accidents.investigation.repliedAt')}>{reply.repliedAt ? formatDateTime(reply.repliedAt) : t('common.empty')}</Descriptions.Item>
      </Descriptions>
      {investigation.extensions.length > 0 && (
        <Space orientation="vertical" size={0} style={{ marginTop: 8 }} data-testid="investigation-extensions">
          <Typography.Text strong>{t('accidents.investigation.extensions', { days: investigation.extensionDays })}</Typography.Text>
          {investigation.extensions.map((e) => (
            <Typography.Text key={e.recordedAt} type="secondary">
              {t('accidents.investigation.extensionLine', { days: e.days, approvedBy: e.approvedBy, reason: e.reason, at: formatDateTime(e.recordedAt) })}
            </Typography.Text>
          ))}
        </Space>
      )}
    </Card>
  );
}
