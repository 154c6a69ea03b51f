import { Badge, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import { QueryError } from '../../../app/layout/QueryError';
import type { Obligation } from './accidents.types';
import { formatSpan } from './format';
import { GradeTag } from './GradeTag';
import { useLocalized } from './useLocalized';
import { useObligations } from './useObligations';

const SHOWN = 8;

/** The accident inbox: reports, escalations, investigations and replies overdue or due soon. */
export function ObligationsCard() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const obligations = useObligations();
  const data = obligations.data;
  const describe = (o: Obligation) => {
    const what = o.level ? t(`accidents.obligation.${o.kind}`, { level: t(`accidents.level.${o.level}`), owedBy: t(`accidents.owedBy.${o.owedBy}`) }) : t(`accidents.obligation.${o.kind}`);
    const span = formatSpan(new Date(o.dueAt).getTime() - new Date(data!.now).getTime(), t);
    return { what, when: o.status === 'overdue' ? t('accidents.clock.overdueBy', { span }) : t('accidents.clock.dueIn', { span }) };
  };
  return (
    <Card
      title={
        <Space>
          {t('accidents.obligation.title')}
          {data && <Badge count={data.counts.overdue} title={t('accidents.obligation.overdueCount')} data-testid="obligations-overdue" />}
          {data && <Badge count={data.counts.dueSoon} color="blue" title={t('accidents.obligation.dueSoonCount')} />}
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="obligations-card"
    >
      <QueryError error={obligations.error} />
      {data && data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('accidents.obligation.none')} />
      ) : (
        <List
          size="small"
          loading={obligations.isLoading}
          dataSource={data?.items.slice(0, SHOWN) ?? []}
          footer={data && data.items.length > SHOWN ? t('accidents.obligation.more', { count: data.items.length - SHOWN }) : undefined}
          renderItem={(o) => {
            const { what, when } = describe(o);
            return (
              <List.Item data-testid={`obligation-${o.accidentId}-${o.kind}-${o.level ?? ''}`}>
                <Space wrap>
                  <Tag color={o.status === 'overdue' ? 'error' : 'processing'}>{t(`accidents.obligation.status.${o.status}`)}</Tag>
                  {o.escalate && <Tag color="volcano">{t('accidents.obligation.escalate')}</Tag>}
                  <Link to={`/safety/accidents/${o.accidentId}`}>{what}</Link>
                  <Typography.Text type="secondary">
                    {formatDateTime(o.occurredAt).slice(0, 16)} {localized(o.typeLabel)} {o.enterpriseName ?? ''}
                  </Typography.Text>
                  <GradeTag grade={o.grade} />
                  <Typography.Text type={o.status === 'overdue' ? 'danger' : 'secondary'}>{when}</Typography.Text>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
