import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../app/layout/LoadMore';
import { PageHeader } from '../../app/layout/PageHeader';
import { QueryError } from '../../app/layout/QueryError';
import { usePermission } from '../auth/hooks/usePermission';
import type { ExportBox } from './exports.types';
import { ExportsTable } from './ExportsTable';
import { useExports } from './useExports';

function Box({ box }: { box: ExportBox }) {
  const list = useExports(box);
  return (
    <>
      <QueryError error={list.error} />
      <ExportsTable items={list.items} loading={list.isLoading} testId={`exports-table-${box}`} showRequester={box !== 'mine'} />
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} testId={`exports-load-more-${box}`} />
    </>
  );
}

/** 数据导出: my exports and requests; for leaders, the requests of their ground waiting for approval. */
export default function ExportsPage() {
  const { t } = useTranslation();
  const canApprove = usePermission('exports:approve');
  const [box, setBox] = useState<ExportBox>('mine');
  const boxes: ExportBox[] = canApprove ? ['mine', 'to_approve', 'decided'] : ['mine'];
  return (
    <>
      <PageHeader title={t('exports.title')} description={t('exports.description')} />
      <Card data-testid="exports-page">
        <Tabs
          activeKey={box}
          onChange={(key) => setBox(key as ExportBox)}
          destroyOnHidden
          items={boxes.map((key) => ({ key, label: <span data-testid={`exports-tab-${key}`}>{t(`exports.box.${key}`)}</span>, children: <Box box={key} /> }))}
        />
      </Card>
    </>
  );
}
