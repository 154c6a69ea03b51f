import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { EnterpriseEnforcementSection } from '../enforcement/EnterpriseEnforcementSection';
import { ResponsibilityChainCard } from '../responsibility/ResponsibilityChainCard';
import { ContactsCard, SupervisorsCard } from './detail/EnterpriseSideCards';
import { HazardsSection } from './detail/HazardsSection';
import { InspectionsSection } from './detail/InspectionsSection';
import { RiskPointsSection } from './detail/RiskPointsSection';
import { HazardTags } from './EnterpriseTags';
import type { Enterprise } from './enterprises.types';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { useEnterprise } from './useEnterprises';

/**
 * One enterprise on one page: its register data, and beside it cards about it (supervisors,
 * contacts…); below, its risk points, hazards, inspections and enforcement cases, each from its own
 * list filtered by the enterprise.
 */
export default function EnterpriseDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const enterprise = useEnterprise(id);
  const canManage = usePermission('enterprises:manage');
  const canReadSafety = usePermission('hazards:read');
  const canReadEnforcement = usePermission('enforcement:read');
  const [editing, setEditing] = useState(false);
  const e = enterprise.data;
  const empty = t('common.empty');

  const back = (
    <Link to="/safety/enterprises">
      <ArrowLeftOutlined /> {t('safety.enterprises.backToList')}
    </Link>
  );
  if (enterprise.isLoading) return <Spin />;
  if (!e) {
    return (
      <>
        {back}
        <QueryError error={enterprise.error} />
      </>
    );
  }

  const saved = (next: Enterprise) => {
    void message.success(t('safety.enterprises.savedDone', { name: next.name }));
    setEditing(false);
  };

  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={e.name}
        description={t('safety.enterprises.detailDescription', { code: e.creditCode })}
        actions={
          canManage && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enterprise-detail-edit">
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('safety.enterprises.basics')} data-testid="enterprise-detail-basics">
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                { key: 'creditCode', label: t('safety.enterprises.field.creditCode'), children: <Typography.Text copyable style={{ fontFamily: 'monospace' }}>{e.creditCode}</Typography.Text> },
                { key: 'industry', label: t('safety.enterprises.field.industry'), children: `${e.industryCode} ${e.industryName}` },
                { key: 'region', label: t('safety.enterprises.field.region'), children: <RegionName code={e.regionCode} /> },
                { key: 'park', label: t('safety.enterprises.field.park'), children: e.park ?? empty },
                { key: 'scale', label: t('safety.enterprises.field.scale'), children: e.scale ? t(`safety.enterprises.scale.${e.scale}`) : empty },
                { key: 'hazards', label: t('safety.enterprises.field.hazards'), children: <HazardTags enterprise={e} /> },
                { key: 'lastInspectedAt', label: t('safety.enterprises.field.lastInspectedAt'), children: e.lastInspectedAt ? formatDateTime(e.lastInspectedAt) : t('safety.enterprises.neverInspected') },
                { key: 'updatedAt', label: t('safety.enterprises.field.updatedAt'), children: formatDateTime(e.updatedAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          {/* Cards about this enterprise, one per line: a capability adds its own card here. */}
          <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="enterprise-detail-cards">
            <SupervisorsCard enterprise={e} />
            <ContactsCard enterprise={e} />
            <ResponsibilityChainCard enterpriseId={e.id} />
          </Space>
        </Col>
        {canReadSafety && (
          <Col span={24}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="enterprise-detail-sections">
              <RiskPointsSection enterpriseId={e.id} />
              <HazardsSection enterpriseId={e.id} />
              <InspectionsSection enterpriseId={e.id} />
            </Space>
          </Col>
        )}
        {canReadEnforcement && (
          <Col span={24}>
            <EnterpriseEnforcementSection enterpriseId={e.id} />
          </Col>
        )}
      </Row>
      {editing && <EnterpriseFormDrawer enterprise={e} onClose={() => setEditing(false)} onSaved={saved} />}
    </>
  );
}
