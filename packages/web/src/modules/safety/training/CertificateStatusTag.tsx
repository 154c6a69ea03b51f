import { CERTIFICATE_STATUS_LABELS } from '@shoutu/domain';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabel } from './labels';
import type { Certificate } from './training.types';

const COLOR = { valid: 'green', expiring: 'orange', expired: 'red' } as const;

/** 有效 / 临期 / 已过期, with the days left or past and whether expiry or review falls due. */
export function CertificateStatusTag({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { status, daysLeft, due, dueOn } = certificate;
  const days = status === 'expired' ? t('training.certificate.daysPast', { n: -daysLeft }) : status === 'expiring' ? t('training.certificate.daysLeft', { n: daysLeft }) : null;
  return (
    <Tooltip title={t(`training.certificate.dueTip.${due}`, { date: dueOn })}>
      <Tag color={COLOR[status]} data-testid={`certificate-status-${certificate.id}`} data-status={status}>
        {label(CERTIFICATE_STATUS_LABELS[status])}
        {days && `（${days}）`}
        {due === 'review' && status !== 'valid' && ` · ${t('training.certificate.review')}`}
      </Tag>
    </Tooltip>
  );
}
