import { ArrowLeftOutlined } from '@ant-design/icons';
import { GOVERNANCE_PLAN_PART_LABELS, GOVERNANCE_PLAN_PARTS } from '@shoutu/domain';
import { App, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../app/api/problem';
import { formatDateTime } from '../../../app/formatDateTime';
import { PageHeader } from '../../../app/layout/PageHeader';
import { QueryError } from '../../../app/layout/QueryError';
import { usePermission } from '../../auth/hooks/usePermission';
import { RegionName } from '../../regions/components/RegionName';
import { HazardActionModal, type HazardStep } from './HazardActionModal';
import { HazardGradeTag, HazardMarks, HazardStatusTag } from './HazardTags';
import { HazardTimeline } from './HazardTimeline';
import { hazardKeys } from './hazards.api';
import { PhotoThumbs } from './PhotoThumbs';
import { AddPhotoButton } from './PhotoUpload';
import type { HazardDetail } from './hazards.types';
import { useHazard } from './useHazards';
import { useLabel } from './useLabel';

/** The step that moves the loop forward is the primary button; refusals are red. */
const PRIMARY: readonly HazardStep[] = ['assign', 'submit_rectification', 'accept', 'approve_extension'];
const DANGER: readonly HazardStep[] = ['send_back', 'reject_extension'];

/** The page title: the description's first line, cut short; the whole text is in the card below. */
function headline(description: string): string {
  const first = Array.from(description.split('\n')[0] ?? description);
  return first.length > 40 ? `${first.slice(0, 40).join('')}…` : first.join('');
}

function Basics({ hazard, canUpload }: { hazard: HazardDetail; canUpload: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: hazardKeys.detail(hazard.id) });
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="hazard-basic">
      <Descriptions.Item label={t('hazards.field.enterprise')}>{hazard.enterpriseName}</Descriptions.Item>
      <Descriptions.Item label={t('hazards.field.region')}>
        <RegionName code={hazard.regionCode} />
      </Descriptions.Item>
      <Descriptions.Item label={t('hazards.field.source')}>{t(`hazards.source.${hazard.source}`)}</Descriptions.Item>
      <Descriptions.Item label={t('hazards.field.place')}>{hazard.place ?? t('common.empty')}</Descriptions.Item>
      <Descriptions.Item label={t('hazards.field.foundAt')}>{formatDateTime(hazard.foundAt)}</Descriptions.Item>
      {hazard.inspectionId && (
        <Descriptions.Item label={t('hazards.field.inspection')}>
          <Link to={`/safety/inspections/${hazard.inspectionId}`}>{t('hazards.detail.inspectionItem', { number: hazard.inspectionItemNumber })}</Link>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('hazards.field.photos')} span={3}>
        <Space wrap align="start">
          <PhotoThumbs photos={hazard.photoFiles} testId="hazard-photos" />
          {hazard.photos.length > 0 && <PhotoThumbs photos={[]} refs={hazard.photos} />}
          {canUpload && <AddPhotoButton hazardId={hazard.id} onUploaded={refresh} />}
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

function Rectification({ hazard }: { hazard: HazardDetail }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="hazard-rectification">
      <Descriptions.Item label={t('hazards.form.responsibleUnit')}>{hazard.responsibleUnit ?? empty}</Descriptions.Item>
      <Descriptions.Item label={t('hazards.form.responsiblePerson')}>{hazard.responsiblePerson ?? empty}</Descriptions.Item>
      <Descriptions.Item label={t('hazards.field.deadline')}>
        <span data-testid="hazard-deadline">{hazard.deadline ? formatDateTime(hazard.deadline) : empty}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('hazards.field.originalDeadline')}>{hazard.originalDeadline ? formatDateTime(hazard.originalDeadline) : empty}</Descriptions.Item>
      {hazard.pendingExtension && (
        <Descriptions.Item label={t('hazards.detail.pendingExtension')} span={2}>
          {t('hazards.form.pendingExtension', { deadline: formatDateTime(hazard.pendingExtension.requestedDeadline), reason: hazard.pendingExtension.reason })}
        </Descriptions.Item>
      )}
      {hazard.rectification && (
        <>
          <Descriptions.Item label={t('hazards.form.evidence')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{hazard.rectification.evidence}</span>
            <Typography.Text type="secondary">{`　${formatDateTime(hazard.rectification.submittedAt)}`}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('hazards.form.photos')} span={2}>
            <PhotoThumbs photos={hazard.photoFiles} refs={hazard.rectification.photos} testId="hazard-rectification-photos" />
          </Descriptions.Item>
          {hazard.acceptanceDueAt && (
            <Descriptions.Item label={t('hazards.field.acceptanceDueAt')} span={2}>
              <span data-testid="hazard-acceptance-due">{formatDateTime(hazard.acceptanceDueAt)}</span>
            </Descriptions.Item>
          )}
        </>
      )}
      {hazard.acceptance && (
        <Descriptions.Item label={t('hazards.detail.acceptance')} span={2}>
          {[hazard.acceptance.formal ? t('hazards.event.detail.formal', { ref: hazard.acceptance.assessmentReportRef ?? '' }) : t('hazards.detail.accepted'), hazard.acceptance.note, formatDateTime(hazard.acceptance.acceptedAt)].filter(Boolean).join('；')}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function Plan({ plan }: { plan: NonNullable<HazardDetail['governancePlan']> }) {
  const label = useLabel();
  return (
    <Descriptions column={1} size="small" bordered data-testid="hazard-plan">
      {GOVERNANCE_PLAN_PARTS.map((part) => (
        <Descriptions.Item key={part} label={label(GOVERNANCE_PLAN_PART_LABELS[part])}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{plan[part]}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function Listing({ listing }: { listing: NonNullable<HazardDetail['listing']> }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="hazard-listing">
      <Descriptions.Item label={t('hazards.listing.unit')}>{listing.unitName ?? listing.unitId}</Descriptions.Item>
      <Descriptions.Item label={t('hazards.listing.listedAt')}>{formatDateTime(listing.listedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('hazards.listing.publicationDueAt')}>{formatDateTime(listing.publicationDueAt)}</Descriptions.Item>
      {listing.extensionRequestLatestAt && <Descriptions.Item label={t('hazards.listing.extensionRequestLatestAt')}>{formatDateTime(listing.extensionRequestLatestAt)}</Descriptions.Item>}
      {listing.delistingPublicationDueAt && <Descriptions.Item label={t('hazards.listing.delistingPublicationDueAt')}>{formatDateTime(listing.delistingPublicationDueAt)}</Descriptions.Item>}
      <Descriptions.Item label={t('hazards.listing.limits')} span={2}>
        <Typography.Text type="secondary">
          {listing.limitsSource}
          {listing.limitsVerify && <Tag style={{ marginInlineStart: 8 }}>{t('hazards.common.verify')}</Tag>}
        </Typography.Text>
      </Descriptions.Item>
    </Descriptions>
  );
}

export default function HazardDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const hazard = useHazard(id);
  const canManage = usePermission('hazards:manage');
  const [step, setStep] = useState<HazardStep | null>(null);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/safety/hazards')} data-testid="hazard-back">
      {t('hazards.detail.back')}
    </Button>
  );
  if (hazard.isPending) return <Spin />;
  if (isApiError(hazard.error, 404)) return <Result status="404" title={t('hazards.detail.notFound')} extra={back} />;
  if (!hazard.data) return <QueryError error={hazard.error} />;
  const h = hazard.data;
  const steps: HazardStep[] = [...(h.canList ? (['list'] as const) : []), ...h.allowedActions];

  return (
    <>
      <PageHeader
        title={headline(h.description)}
        actions={
          <Space wrap>
            {back}
            {steps.map((s) => (
              <Button key={s} type={PRIMARY.includes(s) ? 'primary' : 'default'} danger={DANGER.includes(s)} onClick={() => setStep(s)} data-testid={`hazard-action-${s}`}>
                {t(`hazards.action.${s}`)}
              </Button>
            ))}
          </Space>
        }
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="hazard-detail">
        <Card
          title={t('hazards.detail.basic')}
          extra={
            <Space size={0} wrap>
              <HazardGradeTag grade={h.grade} />
              <HazardStatusTag status={h.status} />
              <HazardMarks hazard={h} />
            </Space>
          }
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="hazard-description">
            {h.description}
          </Typography.Paragraph>
          <Basics hazard={h} canUpload={canManage && h.status !== 'closed'} />
        </Card>
        <Card title={t('hazards.detail.rectification')}>
          <Rectification hazard={h} />
        </Card>
        {h.governancePlan && (
          <Card title={t('hazards.detail.plan')}>
            <Plan plan={h.governancePlan} />
          </Card>
        )}
        {h.listing && (
          <Card title={t('hazards.detail.listing')}>
            <Listing listing={h.listing} />
          </Card>
        )}
        <Card title={t('hazards.detail.timeline')}>
          <HazardTimeline events={h.events} photos={h.photoFiles} />
        </Card>
      </Space>
      {step && (
        <HazardActionModal
          hazard={h}
          step={step}
          onClose={() => setStep(null)}
          onDone={() => {
            void message.success(t('hazards.detail.stepDone', { step: t(`hazards.action.${step}`) }));
            setStep(null);
          }}
        />
      )}
    </>
  );
}
