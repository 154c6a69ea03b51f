import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import { RiskLevelTag } from './RiskLevelTag';
import type { RiskPoint } from './risks.types';

export function RiskPointsTable({ points, loading, onOpen }: { points: RiskPoint[]; loading: boolean; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RiskPoint> = [
    {
      key: 'place',
      title: t('hazards.risks.field.place'),
      render: (_, point) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(point.id)} data-testid={`risk-open-${point.id}`}>
          {point.place}
        </Button>
      ),
    },
    { key: 'enterprise', title: t('hazards.field.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'level', title: t('hazards.risks.field.level'), render: (_, point) => <RiskLevelTag level={point.level} /> },
    { key: 'score', title: t('hazards.risks.field.score'), render: (_, point) => `${point.method} ${point.score}` },
    { key: 'factors', title: t('hazards.risks.field.hazardFactors'), dataIndex: 'hazardFactors', ellipsis: true },
    { key: 'person', title: t('hazards.risks.field.responsiblePerson'), render: (_, point) => point.responsiblePerson ?? t('common.empty') },
    { key: 'assessedAt', title: t('hazards.risks.field.assessedAt'), render: (_, point) => formatDateTime(point.assessedAt) },
  ];
  return <Table<RiskPoint> rowKey="id" columns={columns} dataSource={points} loading={loading} pagination={false} scroll={{ x: 'max-content' }} data-testid="risk-points-table" />;
}
