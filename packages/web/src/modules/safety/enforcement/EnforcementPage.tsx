import { PlusOutlined } from '@ant-design/icons';
import { ENFORCEMENT_STATUSES } from '@shoutu/domain';
import { App, Button, Card, Form, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionTreeSelect } from '../../regions/components/RegionTreeSelect';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import { EnforcementFormDrawer } from './EnforcementFormDrawer';
import { EnforcementTable } from './EnforcementTable';
import type { EnforcementFilter } from './enforcement.types';
import { useEnforcementCases } from './useEnforcement';

/** 执法: the enforcement cases of the ground, newest first, filtered by enterprise, region, status and measure. */
export default function EnforcementPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canWrite = usePermission('enforcement:manage');
  const [filter, setFilter] = useState<EnforcementFilter>({});
  const cases = useEnforcementCases(filter);
  const [creating, setCreating] = useState(false);
  const set = (patch: Partial<EnforcementFilter>) => setFilter(Object.fromEntries(Object.entries({ ...filter, ...patch }).filter(([, v]) => v !== undefined && v !== null && v !== '')) as EnforcementFilter);

  return (
    <>
      <PageHeader
        title={t('enforcement.title')}
        description={t('enforcement.description')}
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="enforcement-create">
              {t('enforcement.create')}
            </Button>
          )
        }
      />
      <Card>
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('hazards.list.filter.enterprise')}>
            <EnterpriseSelect style={{ width: 240 }} value={filter.enterpriseId ?? null} onChange={(enterpriseId) => set({ enterpriseId: enterpriseId ?? undefined })} data-testid="enforcement-filter-enterprise" />
          </Form.Item>
          <Form.Item label={t('hazards.list.filter.region')} style={{ minWidth: 260 }}>
            <RegionTreeSelect single value={filter.regionCode} onChange={(regionCode) => set({ regionCode: regionCode || undefined })} data-testid="enforcement-filter-region" />
          </Form.Item>
          <Form.Item label={t('enforcement.field.status')}>
            <Select allowClear style={{ width: 150 }} value={filter.status} onChange={(status) => set({ status: status ?? undefined })} options={ENFORCEMENT_STATUSES.map((s) => ({ value: s, label: t(`enforcement.status.${s}`) }))} data-testid="enforcement-filter-status" />
          </Form.Item>
          <Form.Item label={t('enforcement.field.measures')}>
            <Select
              allowClear
              style={{ width: 180 }}
              value={filter.measure}
              onChange={(measure) => set({ measure: measure ?? undefined })}
              options={(['order_rectify', 'fine', 'suspension'] as const).map((kind) => ({ value: kind, label: t(`enforcement.measure.${kind}`) }))}
              data-testid="enforcement-filter-measure"
            />
          </Form.Item>
        </Form>
        <QueryError error={cases.error} />
        <EnforcementTable cases={cases.items} loading={cases.isLoading} />
        <LoadMore hasMore={cases.hasMore} loading={cases.isLoadingMore} onLoadMore={cases.loadMore} testId="enforcement-load-more" />
      </Card>
      {creating && (
        <EnforcementFormDrawer
          record={null}
          onClose={() => setCreating(false)}
          onSaved={(record) => {
            void message.success(t('enforcement.saved'));
            setCreating(false);
            navigate(`/safety/enforcement/${record.id}`);
          }}
        />
      )}
    </>
  );
}
