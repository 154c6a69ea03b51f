import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { DenialsStats } from '../travel/DenialsStats';
import { TravelCheckCard } from '../travel/TravelCheckCard';
import { ArrivalForm } from './ArrivalForm';
import { ArrivalsTable } from './ArrivalsTable';
import { DeviceTokensCard } from './DeviceTokensCard';
import { checkpointKeys, checkpointsApi } from './checkpoints.api';

/** 卡口登记: arrivals at a checkpoint, and the travel check. */
export default function CheckpointsPage() {
  const { t } = useTranslation();
  const canRead = usePermission('persons:read');
  const canRegister = usePermission('persons:manage');
  const canManageDevices = usePermission('checkpoints:manage');
  const checkpoints = useQuery({ queryKey: checkpointKeys.list, queryFn: checkpointsApi.list, enabled: canRead });
  const [chosen, setChosen] = useState<string | undefined>();
  const checkpointId = chosen ?? checkpoints.data?.items[0]?.id;

  return (
    <>
      <PageHeader title={t('epidemicOps.checkpoints.title')} description={t('epidemicOps.checkpoints.description')} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Flex gap={16} align="center" wrap>
            <Typography.Text>{t('epidemicOps.checkpoints.checkpoint')}</Typography.Text>
            <Select
              style={{ minWidth: 320 }}
              value={checkpointId}
              onChange={setChosen}
              loading={checkpoints.isLoading}
              placeholder={t('epidemicOps.checkpoints.none')}
              options={(checkpoints.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${t(`epidemicOps.checkpoints.kind.${c.kind}`)}` }))}
              data-testid="checkpoint-select"
            />
            {checkpointId && checkpoints.data?.items.find((c) => c.id === checkpointId)?.isDemo && <Tag>{t('epidemicOps.demo')}</Tag>}
            <Typography.Text type="secondary">{t('epidemicOps.demoDateHint')}</Typography.Text>
          </Flex>
          <QueryError error={checkpoints.error} />
        </Card>
        {canRead && <DenialsStats />}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <TravelCheckCard checkpointId={checkpointId} />
          </Col>
          <Col xs={24} xl={14}>{checkpointId && canRegister ? <ArrivalForm key={checkpointId} checkpointId={checkpointId} /> : <Card>{<Empty description={t('epidemicOps.checkpoints.none')} />}</Card>}</Col>
        </Row>
        {checkpointId && canRead && <ArrivalsTable checkpointId={checkpointId} />}
        {checkpointId && canManageDevices && <DeviceTokensCard key={checkpointId} checkpointId={checkpointId} />}
      </Space>
    </>
  );
}
