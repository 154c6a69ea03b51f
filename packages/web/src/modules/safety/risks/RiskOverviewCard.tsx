import { RISK_LEVEL_LABELS, RISK_LEVELS } from '@shoutu/domain';
import { Card, Col, Empty, Form, Row, Spin, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/layout/QueryError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { useLabel } from '../hazards/useLabel';
import { RISK_COLOURS } from './RiskLevelTag';
import { RiskOverviewChart } from './RiskOverviewChart';
import type { LevelCounts } from './risks.types';
import { useRiskOverview } from './useRisks';

/** The four-colour overview of a region subtree (the whole ground by default): totals, child regions, enterprises most at risk. */
export function RiskOverviewCard({ regionCode, onRegion, onEnterprise }: { regionCode?: string; onRegion: (code: string | undefined) => void; onEnterprise: (id: string) => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const overview = useRiskOverview(regionCode, undefined);
  const data = overview.data;
  const total = data ? RISK_LEVELS.reduce((sum, level) => sum + data.total[level], 0) : 0;
  return (
    <Card
      title={t('hazards.risks.overview.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Form layout="inline">
          <Form.Item label={t('hazards.list.filter.region')} style={{ minWidth: 280, marginInlineEnd: 0 }}>
            <RegionTreeSelect single value={regionCode} onChange={(code) => onRegion(code || undefined)} data-testid="risk-overview-region" />
          </Form.Item>
        </Form>
      }
      data-testid="risk-overview"
    >
      <QueryError error={overview.error} />
      {!data ? (
        <Spin />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 8 }}>
            {RISK_LEVELS.map((level) => (
              <Col key={level} xs={12} md={6}>
                <Statistic title={label(RISK_LEVEL_LABELS[level])} value={data.total[level]} styles={{ content: { color: RISK_COLOURS[level] } }} data-testid={`risk-overview-${level}`} />
              </Col>
            ))}
          </Row>
          {total === 0 ? (
            <Empty description={t('hazards.risks.overview.empty')} />
          ) : (
            <>
              <RiskOverviewChart overview={data} />
              <Table<LevelCounts & { enterpriseId: string; name: string }>
                size="small"
                rowKey="enterpriseId"
                pagination={false}
                title={() => t('hazards.risks.overview.enterprises')}
                dataSource={data.enterprises}
                onRow={(row) => ({ onClick: () => onEnterprise(row.enterpriseId), style: { cursor: 'pointer' } })}
                locale={{ emptyText: t('hazards.risks.overview.noSevere') }}
                columns={[
                  { key: 'name', title: t('hazards.field.enterprise'), dataIndex: 'name' },
                  ...RISK_LEVELS.map((level) => ({ key: level, title: label(RISK_LEVEL_LABELS[level].colour), dataIndex: level })),
                ]}
                data-testid="risk-overview-enterprises"
              />
            </>
          )}
        </>
      )}
    </Card>
  );
}
