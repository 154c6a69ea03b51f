import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, List, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { EnforcementFormDrawer } from './EnforcementFormDrawer';
import { EnforcementStatusTag, formatYuan, MeasureTags } from './EnforcementTags';
import { useEnforcementCase } from './useEnforcement';

/** One case: the enterprise, what was found and on which legal basis, what was decided and by whom. */
export default function EnforcementDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const record = useEnforcementCase(id);
  const canWrite = usePermission('enforcement:manage');
  const [editing, setEditing] = useState(false);
  const c = record.data;
  const empty = t('common.empty');

  const back = (
    <Link to="/safety/enforcement">
      <ArrowLeftOutlined /> {t('enforcement.back')}
    </Link>
  );
  if (record.isLoading) return <Spin />;
  if (!c) {
    return (
      <>
        {back}
        <QueryError error={record.error} />
      </>
    );
  }

  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageHeader
        title={c.caseNumber ?? t('enforcement.noNumber', { at: formatDateTime(c.createdAt) })}
        description={c.enterpriseName}
        actions={
          canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enforcement-edit">
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('enforcement.case')} data-testid="enforcement-detail">
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'enterprise', label: t('hazards.field.enterprise'), children: <Link to={`/safety/enterprises/${c.enterpriseId}`}>{c.enterpriseName}</Link> },
                { key: 'region', label: t('hazards.field.region'), children: <RegionName code={c.regionCode} /> },
                { key: 'status', label: t('enforcement.field.status'), children: <EnforcementStatusTag status={c.status} /> },
                { key: 'decidedBy', label: t('enforcement.field.decidedBy'), children: c.decidedBy ?? empty },
                { key: 'decidedOn', label: t('enforcement.field.decidedOn'), children: c.decidedOn ?? empty },
                { key: 'fine', label: t('enforcement.field.fineTotal'), children: c.fineTotalYuan > 0 ? formatYuan(t, c.fineTotalYuan) : empty },
                { key: 'inspection', label: t('enforcement.field.inspection'), children: c.inspectionId ? <Link to={`/safety/inspections/${c.inspectionId}`}>{t('enforcement.openInspection')}</Link> : empty },
                {
                  key: 'hazards',
                  label: t('enforcement.field.hazards'),
                  children:
                    c.hazardIds.length === 0 ? (
                      empty
                    ) : (
                      <Space wrap>
                        {c.hazardIds.map((hazardId, index) => (
                          <Link key={hazardId} to={`/safety/hazards/${hazardId}`}>
                            {t('enforcement.hazardN', { n: index + 1 })}
                          </Link>
                        ))}
                      </Space>
                    ),
                },
                { key: 'updatedAt', label: t('safety.enterprises.field.updatedAt'), children: formatDateTime(c.updatedAt) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('enforcement.field.violations')} data-testid="enforcement-violations">
              <List
                dataSource={c.violations}
                locale={{ emptyText: t('enforcement.noViolations') }}
                renderItem={(v) => (
                  <List.Item>
                    <List.Item.Meta title={v.description} description={<Typography.Text type="secondary">{t('enforcement.basis', { basis: v.legalBasis })}</Typography.Text>} />
                  </List.Item>
                )}
              />
            </Card>
            <Card title={t('enforcement.field.measures')} data-testid="enforcement-measures">
              <MeasureTags measures={c.measures} />
              {c.measures.filter((m) => m.description).map((m, index) => (
                <div key={index} style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary">{`${t(`enforcement.measure.${m.kind}`)}：${m.description}`}</Typography.Text>
                </div>
              ))}
            </Card>
          </Space>
        </Col>
      </Row>
      {editing && (
        <EnforcementFormDrawer
          record={c}
          onClose={() => setEditing(false)}
          onSaved={() => {
            void message.success(t('enforcement.saved'));
            setEditing(false);
          }}
        />
      )}
    </>
  );
}
