import { Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../app/layout/QueryError';
import type { HazardCounts } from './hazards.types';
import { useHazardOverview } from './useHazards';

/** Open, overdue and major hazards of the ground and of each child region; a row narrows the list to its region. */
export function HazardOverviewCard({ onPickRegion }: { onPickRegion: (regionCode: string) => void }) {
  const { t } = useTranslation();
  const overview = useHazardOverview(undefined);
  const total = overview.data?.total;
  return (
    <Card title={t('hazards.overview.title')} style={{ marginBottom: 16 }} data-testid="hazards-overview">
      <QueryError error={overview.error} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(['open', 'overdue', 'major'] as const).map((key) => (
          <Col key={key} xs={8}>
            <Statistic title={t(`hazards.overview.${key}`)} value={total?.[key] ?? 0} loading={overview.isPending} styles={key === 'overdue' && (total?.overdue ?? 0) > 0 ? { content: { color: '#cf1322' } } : undefined} data-testid={`hazards-overview-${key}`} />
          </Col>
        ))}
      </Row>
      <Table<HazardCounts & { regionCode: string; name: string }>
        size="small"
        rowKey="regionCode"
        pagination={false}
        loading={overview.isPending}
        dataSource={(overview.data?.children ?? []).filter((c) => c.open > 0)}
        onRow={(row) => ({ onClick: () => onPickRegion(row.regionCode), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('hazards.overview.none') }}
        columns={[
          { key: 'name', title: t('hazards.overview.region'), render: (_, row) => `${row.name}（${row.regionCode}）` },
          { key: 'open', title: t('hazards.overview.open'), dataIndex: 'open' },
          { key: 'overdue', title: t('hazards.overview.overdue'), dataIndex: 'overdue' },
          { key: 'major', title: t('hazards.overview.major'), dataIndex: 'major' },
        ]}
        data-testid="hazards-overview-children"
      />
    </Card>
  );
}
