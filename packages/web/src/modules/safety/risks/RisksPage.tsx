import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { regionLevel, RISK_LEVEL_LABELS, RISK_LEVELS } from '@shoutu/domain';
import { App, Button, Card, Form, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../app/layout/LoadMore';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { usePermission } from '../../auth/hooks/usePermission';
import { EnterpriseSelect } from '../shared/EnterpriseSelect';
import { useLabel } from '../hazards/useLabel';
import { RiskOverviewCard } from './RiskOverviewCard';
import { RiskPointDetailDrawer } from './RiskPointDetailDrawer';
import { RiskPointFormDrawer } from './RiskPointFormDrawer';
import { RiskPointsTable } from './RiskPointsTable';
import type { RiskLevel, RiskPointFilter } from './risks.types';
import { ThresholdsModal } from './ThresholdsModal';
import { useRiskPoints, useThresholds } from './useRisks';

/** 风险分级管控: the four-colour overview and the risk points, per enterprise. */
export default function RisksPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = useLabel();
  const me = useCurrentUser();
  const canManage = usePermission('hazards:manage');
  const canSetBands = usePermission('enterprises:manage');
  const bandsRegion = me.ground.regionCodes.find((code) => ['city', 'province'].includes(regionLevel(code)));
  const thresholds = useThresholds();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [filter, setFilter] = useState<RiskPointFilter>({});
  const points = useRiskPoints({ ...filter, ...(regionCode ? { regionCode } : {}) });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [editingBands, setEditingBands] = useState(false);

  return (
    <>
      <PageHeader
        title={t('hazards.risks.title')}
        description={t('hazards.risks.description')}
        actions={
          <Space wrap>
            {canSetBands && bandsRegion && thresholds.data && (
              <Button icon={<SettingOutlined />} onClick={() => setEditingBands(true)} data-testid="risk-thresholds">
                {t('hazards.risks.thresholds.open')}
              </Button>
            )}
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="risk-create">
                {t('hazards.risks.create')}
              </Button>
            )}
          </Space>
        }
      />
      <RiskOverviewCard regionCode={regionCode} onRegion={setRegionCode} onEnterprise={(enterpriseId) => setFilter({ ...filter, enterpriseId })} />
      <Card title={t('hazards.risks.list')}>
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item label={t('hazards.list.filter.enterprise')}>
            <EnterpriseSelect style={{ width: 260 }} value={filter.enterpriseId ?? null} onChange={(enterpriseId) => setFilter({ ...filter, enterpriseId: enterpriseId ?? undefined })} data-testid="risk-filter-enterprise" />
          </Form.Item>
          <Form.Item label={t('hazards.risks.field.level')}>
            <Select<RiskLevel>
              allowClear
              style={{ width: 160 }}
              value={filter.level}
              onChange={(level) => setFilter({ ...filter, level: level ?? undefined })}
              options={RISK_LEVELS.map((level) => ({ value: level, label: label(RISK_LEVEL_LABELS[level]) }))}
              data-testid="risk-filter-level"
            />
          </Form.Item>
        </Form>
        <QueryError error={points.error} />
        <RiskPointsTable points={points.items} loading={points.isLoading} onOpen={setOpenId} />
        <LoadMore hasMore={points.hasMore} loading={points.isLoadingMore} onLoadMore={points.loadMore} testId="risk-points-load-more" />
      </Card>
      {creating && (
        <RiskPointFormDrawer
          enterpriseId={filter.enterpriseId ?? null}
          onClose={() => setCreating(false)}
          onCreated={(point) => {
            void message.success(t('hazards.risks.created', { level: label(RISK_LEVEL_LABELS[point.level]) }));
            setCreating(false);
            setOpenId(point.id);
          }}
        />
      )}
      {openId && <RiskPointDetailDrawer id={openId} onClose={() => setOpenId(null)} />}
      {editingBands && bandsRegion && thresholds.data && <ThresholdsModal current={thresholds.data} regionCode={bandsRegion} onClose={() => setEditingBands(false)} />}
    </>
  );
}
