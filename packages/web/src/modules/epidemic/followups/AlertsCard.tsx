import { Button, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import type { GridAlert } from './followups.types';
import { useAcknowledgeAlert, useGridAlerts } from './useFollowups';

const KIND_COLORS: Record<GridAlert['kind'], string> = { key_area_arrival: 'purple', listed_arrival: 'gold', positive_test: 'red' };

/** Open alerts to the grids of the ground (arrivals, positive tests), newest first. */
export function AlertsCard() {
  const { t } = useTranslation();
  const alerts = useGridAlerts();
  const acknowledge = useAcknowledgeAlert();
  const canAct = usePermission('followups:write');

  return (
    <Card title={t('epidemicOps.alerts.title', { n: alerts.data?.items.length ?? 0 })} size="small" data-testid="alerts-card">
      <QueryError error={alerts.error} />
      <List<GridAlert>
        size="small"
        loading={alerts.isLoading}
        dataSource={alerts.data?.items ?? []}
        locale={{ emptyText: t('epidemicOps.alerts.empty') }}
        style={{ maxHeight: 360, overflowY: 'auto' }}
        renderItem={(a) => (
          <List.Item
            data-testid={`alert-${a.id}`}
            actions={
              canAct
                ? [
                    <Button key="ack" size="small" loading={acknowledge.isPending && acknowledge.variables === a.id} onClick={() => acknowledge.mutate(a.id)} data-testid={`alert-ack-${a.id}`}>
                      {t('epidemicOps.alerts.acknowledge')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <>
                  <Tag color={KIND_COLORS[a.kind]}>{t(`epidemicOps.alerts.kind.${a.kind}`)}</Tag>
                  {a.person ? a.person.name : t('epidemicOps.alerts.unregistered')}
                </>
              }
              description={
                <Typography.Text type="secondary">
                  <RegionName code={a.gridCode} />
                  {typeof a.detail.originText === 'string' && <div>{t('epidemicOps.alerts.from', { origin: a.detail.originText, checkpoint: String(a.detail.checkpoint ?? '') })}</div>}
                  <div>{formatDateTime(a.createdAt)}</div>
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
