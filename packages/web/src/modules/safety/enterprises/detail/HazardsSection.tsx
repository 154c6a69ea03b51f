import { Button, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../app/formatDateTime';
import { LoadMore } from '../../../../app/layout/LoadMore';
import { QueryError } from '../../../../app/layout/QueryError';
import { HazardGradeTag, HazardMarks, HazardStatusTag } from '../../hazards/HazardTags';
import type { Hazard } from '../../hazards/hazards.types';
import { useHazards } from '../../hazards/useHazards';

/** The enterprise's hazards, newest found first: grade, where each stands in the loop, overdue or escalated. */
export function HazardsSection({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const hazards = useHazards({ enterpriseId });
  const open = hazards.items.filter((hazard) => hazard.status !== 'closed').length;

  return (
    <Card
      title={t('safety.enterprises.detail.hazards')}
      extra={
        <Space>
          {!hazards.isLoading && <Typography.Text type="secondary">{t('safety.enterprises.detail.hazardsOpen', { open, total: hazards.items.length, more: hazards.hasMore ? '+' : '' })}</Typography.Text>}
          <Link to={`/safety/hazards?enterpriseId=${encodeURIComponent(enterpriseId)}`}>
            <Button size="small" data-testid="enterprise-hazards-all">
              {t('safety.enterprises.detail.openList')}
            </Button>
          </Link>
        </Space>
      }
      data-testid="enterprise-detail-hazards"
    >
      <QueryError error={hazards.error} />
      <Table<Hazard>
        size="small"
        rowKey="id"
        loading={hazards.isLoading}
        dataSource={hazards.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('safety.enterprises.detail.noHazards') }}
        columns={[
          {
            key: 'description',
            title: t('hazards.field.description'),
            render: (_, hazard) => (
              <Link to={`/safety/hazards/${hazard.id}`} data-testid={`enterprise-hazard-${hazard.id}`}>
                <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                  {hazard.description}
                </Typography.Text>
              </Link>
            ),
          },
          { key: 'grade', title: t('hazards.field.grade'), render: (_, hazard) => <HazardGradeTag grade={hazard.grade} /> },
          {
            key: 'status',
            title: t('hazards.field.status'),
            render: (_, hazard) => (
              <Space size={0} wrap>
                <HazardStatusTag status={hazard.status} />
                <HazardMarks hazard={hazard} />
              </Space>
            ),
          },
          { key: 'deadline', title: t('hazards.field.deadline'), render: (_, hazard) => (hazard.deadline ? formatDateTime(hazard.deadline) : t('common.empty')) },
          { key: 'foundAt', title: t('hazards.field.foundAt'), render: (_, hazard) => formatDateTime(hazard.foundAt) },
        ]}
      />
      <LoadMore hasMore={hazards.hasMore} loading={hazards.isLoadingMore} onLoadMore={hazards.loadMore} testId="enterprise-hazards-load-more" />
    </Card>
  );
}
