import { ArrowLeftOutlined } from '@ant-design/icons';
import type { AccountabilityStatus } from '@shoutu/domain';
import { Button, Card, Col, Descriptions, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { useLabel } from '../responsibility/useLabel';
import { EvidenceTimeline } from './EvidenceTimeline';
import { RecordStepModal } from './RecordStepModal';
import { StatusTag } from './StatusTag';
import { useRecord } from './useAccountability';

/** One accountability record: whom, for what, the facts, the decision, and the evidence kept with it. */
export default function RecordDetailPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { id = '' } = useParams();
  const record = useRecord(id);
  const canDecide = usePermission('accountability:decide');
  const [step, setStep] = useState<AccountabilityStatus | null>(null);
  const r = record.data;
  const empty = t('common.empty');
  const back = (
    <Link to="/safety/accountability/records">
      <ArrowLeftOutlined /> {t('accountability.records.back')}
    </Link>
  );
  if (record.isLoading) return <Spin />;
  if (!r) {
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
        title={t('accountability.record.heading', { subject: r.subjectName })}
        description={r.triggerSummary}
        actions={
          canDecide && (
            <Space>
              {r.nextStatuses.map((next) => (
                <Button key={next} type={next === 'decided' || next === 'executed' ? 'primary' : 'default'} danger={next === 'revoked'} onClick={() => setStep(next)} data-testid={`record-step-${next}`}>
                  {t(`accountability.step.${next}`)}
                </Button>
              ))}
            </Space>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('accountability.record.decision')} data-testid="record-detail">
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                { key: 'status', label: t('accountability.record.status'), children: <StatusTag status={r.status} label={r.statusLabel} /> },
                { key: 'subject', label: t('accountability.record.subject'), children: `${r.subjectName}${r.subjectPost ? `（${r.subjectPost}${r.subjectUnit ? `，${r.subjectUnit}` : ''}）` : ''}` },
                { key: 'kind', label: t('accountability.record.subjectKind'), children: t(`accountability.subjectKind.${r.subjectKind}`) },
                { key: 'trigger', label: t('accountability.record.trigger'), children: label(r.triggerKindLabel) },
                { key: 'region', label: t('accountability.region'), children: <RegionName code={r.regionCode} /> },
                { key: 'facts', label: t('accountability.record.facts'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.facts}</Typography.Paragraph> },
                { key: 'measure', label: t('accountability.record.measure'), children: <span data-testid="record-measure">{r.measureLabel ? label(r.measureLabel) : empty}</span> },
                { key: 'decidedBy', label: t('accountability.record.decidedBy'), children: r.decidedBy ?? empty },
                { key: 'decidedOn', label: t('accountability.record.decidedOn'), children: r.decidedOn ?? empty },
                { key: 'note', label: t('accountability.record.statusNote'), children: r.statusNote ?? empty },
                { key: 'created', label: t('accountability.record.created'), children: `${formatDateTime(r.createdAt)} ${r.createdBy ?? ''}` },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('accountability.evidence.kept')}>
            <EvidenceTimeline evidence={r.evidence} />
          </Card>
        </Col>
      </Row>
      {step && <RecordStepModal record={r} to={step} onClose={() => setStep(null)} />}
    </>
  );
}
