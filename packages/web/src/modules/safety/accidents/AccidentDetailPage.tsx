import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../app/api/problem';
import { formatDateTime } from '../../../app/formatDateTime';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { accidentsApi } from './accidents.api';
import type { AccidentDetail } from './accidents.types';
import { ExtensionModal } from './ExtensionModal';
import { formatYuan } from './format';
import { GradeTag } from './GradeTag';
import { InstantModal } from './InstantModal';
import { InvestigationCard, type InvestigationAction } from './InvestigationCard';
import { LevelReportModal } from './LevelReportModal';
import { ReportingClock } from './ReportingClock';
import { ReviseModal } from './ReviseModal';
import { RevisionsCard } from './RevisionsCard';
import { useAccident } from './useAccident';
import { useLocalized } from './useLocalized';

type Dialog = 'level' | 'revise' | InvestigationAction | null;

function BasicInfo({ accident: a }: { accident: AccidentDetail }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="accident-basic">
      <Descriptions.Item label={t('accidents.field.occurredAt')}>{formatDateTime(a.occurredAt)}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.learnedAt')}>{formatDateTime(a.learnedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.region')}>{a.regionName ? `${a.regionName}（${a.regionCode}）` : a.regionCode}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.type')}>{localized(a.typeLabel)}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.context')}>{t(`accidents.context.${a.context}`)}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.enterprise')}>{a.enterpriseName ?? t('common.empty')}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.industryCode')}>{a.industryCode ?? t('common.empty')}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.deaths')}>
        <span data-testid="accident-deaths">{a.deaths}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.seriousInjuries')}>{a.seriousInjuries}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.missing')}>{a.missing}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.directLossYuan')}>{formatYuan(a.directLossYuan, t)}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.reporter')}>{a.reporter ?? t('common.empty')}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.loggedAt')}>{`${formatDateTime(a.createdAt)} ${a.createdBy ?? ''}`}</Descriptions.Item>
      <Descriptions.Item label={t('accidents.field.summary')} span={3}>
        {a.summary ?? t('common.empty')}
      </Descriptions.Item>
    </Descriptions>
  );
}

export default function AccidentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const accident = useAccident(id);
  const canReport = usePermission('accidents:report');
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/safety/accidents')} data-testid="accident-back">
      {t('accidents.detail.back')}
    </Button>
  );
  if (accident.isPending) return <Spin />;
  if (isApiError(accident.error, 404)) return <Result status="404" title={t('accidents.detail.notFound')} extra={back} />;
  if (!accident.data) return <QueryError error={accident.error} />;
  const a = accident.data;

  return (
    <>
      <PageHeader title={t('accidents.detail.title', { type: localized(a.typeLabel), place: a.enterpriseName ?? a.regionName ?? a.regionCode })} actions={back} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="accident-detail">
        <Card
          title={t('accidents.detail.basic')}
          extra={
            <Space>
              <GradeTag grade={a.grade} testId="accident-grade" />
              {a.isDemo && <Tag>{t('accidents.demoTag')}</Tag>}
            </Space>
          }
        >
          <BasicInfo accident={a} />
        </Card>
        <ReportingClock accident={a} canReport={canReport} onRecord={() => setDialog('level')} />
        <RevisionsCard accident={a} canRevise={canReport} onRevise={() => setDialog('revise')} />
        <InvestigationCard accident={a} canReport={canReport} onAction={setDialog} />
      </Space>
      {dialog === 'level' && <LevelReportModal accident={a} onClose={close} />}
      {dialog === 'revise' && <ReviseModal accident={a} onClose={close} />}
      {dialog === 'extend' && <ExtensionModal accident={a} onClose={close} />}
      {dialog === 'submit' && (
        <InstantModal accident={a} field="investigation" title={t('accidents.investigation.submit')} label={t('accidents.investigation.submittedAt')} action={(at) => accidentsApi.submitInvestigation(a.id, at)} onClose={close} />
      )}
      {dialog === 'reply' && <InstantModal accident={a} field="reply" title={t('accidents.investigation.reply')} label={t('accidents.investigation.repliedAt')} action={(at) => accidentsApi.recordReply(a.id, at)} onClose={close} />}
    </>
  );
}
