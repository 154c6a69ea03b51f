import { RISK_LEVEL_LABELS, RISK_LEVELS } from '@shoutu/domain';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../app/formatDateTime';
import { LoadMore } from '../../../../app/layout/LoadMore';
import { QueryError } from '../../../../app/layout/QueryError';
import { useLabel } from '../../hazards/useLabel';
import { RISK_COLOURS, RiskLevelTag } from '../../risks/RiskLevelTag';
import { RiskPointDetailDrawer } from '../../risks/RiskPointDetailDrawer';
import type { RiskPoint } from '../../risks/risks.types';
import { useRiskOverview, useRiskPoints } from '../../risks/useRisks';

/** The enterprise's risk points in service with their colour, and its four-colour count. */
export function RiskPointsSection({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const points = useRiskPoints({ enterpriseId });
  const overview = useRiskOverview(undefined, enterpriseId);
  const [openId, setOpenId] = useState<string | null>(null);
  const total = overview.data?.total;

  return (
    <Card
      title={t('safety.enterprises.detail.riskPoints')}
      extra={
        total && (
          <Space size={4} data-testid="enterprise-risk-counts">
            {RISK_LEVELS.map((level) => (
              <Tag key={level} color={RISK_COLOURS[level]} style={level === 'yellow' ? { color: '#614700' } : undefined}>
                {`${label(RISK_LEVEL_LABELS[level].colour)} ${total[level]}`}
              </Tag>
            ))}
          </Space>
        )
      }
      data-testid="enterprise-detail-risks"
    >
      <QueryError error={points.error} />
      <Table<RiskPoint>
        size="small"
        rowKey="id"
        loading={points.isLoading}
        dataSource={points.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('safety.enterprises.detail.noRiskPoints') }}
        columns={[
          {
            key: 'place',
            title: t('hazards.risks.field.place'),
            render: (_, point) => (
              <Typography.Link onClick={() => setOpenId(point.id)} data-testid={`enterprise-risk-${point.id}`}>
                {point.place}
              </Typography.Link>
            ),
          },
          { key: 'level', title: t('hazards.risks.field.level'), render: (_, point) => <RiskLevelTag level={point.level} /> },
          { key: 'score', title: t('hazards.risks.field.score'), render: (_, point) => `${point.method} ${point.score}` },
          { key: 'factors', title: t('hazards.risks.field.hazardFactors'), dataIndex: 'hazardFactors', ellipsis: true },
          { key: 'person', title: t('hazards.risks.field.responsiblePerson'), render: (_, point) => point.responsiblePerson ?? t('common.empty') },
          { key: 'assessedAt', title: t('hazards.risks.field.assessedAt'), render: (_, point) => formatDateTime(point.assessedAt) },
        ]}
      />
      <LoadMore hasMore={points.hasMore} loading={points.isLoadingMore} onLoadMore={points.loadMore} testId="enterprise-risks-load-more" />
      {openId && <RiskPointDetailDrawer id={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}
