import { Card, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { ChainPanel } from './ChainPanel';
import { ClustersTable } from './ClustersTable';
import { useClusters } from './useTracing';

/** 流调溯源: the clusters of the ground and the chain of transmission of one of them, or of one person (?person=). */
export default function TracingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const clusters = useClusters(regionCode);
  const personId = params.get('person') ?? clusters.data?.items[0]?.indexCaseId ?? null;

  return (
    <>
      <PageHeader title={t('epidemicOps.tracing.title')} description={t('epidemicOps.tracing.description')} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          title={t('epidemicOps.tracing.clusters', { total: clusters.data?.total ?? 0 })}
          extra={
            <Flex align="center" gap={8} style={{ minWidth: 280 }}>
              <Typography.Text type="secondary">{t('epidemicOps.field.region')}</Typography.Text>
              <div style={{ flex: 1 }}>
                <RegionTreeSelect single value={regionCode} onChange={(code) => setRegionCode(code || undefined)} data-testid="clusters-region" />
              </div>
            </Flex>
          }
        >
          <QueryError error={clusters.error} />
          <ClustersTable clusters={clusters.data?.items ?? []} loading={clusters.isLoading} selectedId={personId} onOpen={(c) => setParams({ person: c.indexCaseId })} />
        </Card>
        {personId && <ChainPanel key={personId} personId={personId} />}
      </Space>
    </>
  );
}
