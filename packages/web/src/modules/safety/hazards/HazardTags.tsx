import { HAZARD_GRADE_LABELS, HAZARD_STATUS_LABELS } from '@shoutu/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Hazard, HazardGrade, HazardStatus } from './hazards.types';
import { useLabel } from './useLabel';

const STATUS_COLOURS: Record<HazardStatus, string> = { found: 'default', rectifying: 'processing', awaiting_acceptance: 'warning', closed: 'success' };

export function HazardStatusTag({ status }: { status: HazardStatus }) {
  const label = useLabel();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="hazard-status">
      {label(HAZARD_STATUS_LABELS[status])}
    </Tag>
  );
}

export function HazardGradeTag({ grade }: { grade: HazardGrade }) {
  const label = useLabel();
  return <Tag color={grade === 'major' ? 'red' : 'gold'}>{label(HAZARD_GRADE_LABELS[grade])}</Tag>;
}

/** Overdue, acceptance overdue, escalated and listed marks beside a hazard's status. */
export function HazardMarks({ hazard }: { hazard: Pick<Hazard, 'overdue' | 'acceptanceOverdue' | 'escalation' | 'listing'> }) {
  const { t } = useTranslation();
  return (
    <>
      {hazard.overdue && (
        <Tag color="error" data-testid="hazard-overdue">
          {t('hazards.marks.overdue')}
        </Tag>
      )}
      {hazard.acceptanceOverdue && (
        <Tag color="orange" data-testid="hazard-acceptance-overdue">
          {t('hazards.marks.acceptanceOverdue')}
        </Tag>
      )}
      {hazard.escalation && <Tag color="volcano">{t(`hazards.marks.escalated.${hazard.escalation.level}`)}</Tag>}
      {hazard.listing && <Tag color="purple">{t('hazards.marks.listed')}</Tag>}
    </>
  );
}
