import { HAZARD_STATUS_LABELS } from '@shoutu/domain';
import { Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/formatDateTime';
import type { HazardEvent, HazardPhoto } from './hazards.types';
import { PhotoThumbs } from './PhotoThumbs';
import { useLabel } from './useLabel';

const COLOURS: Record<string, string> = { found: 'gray', accepted: 'green', sent_back: 'red', escalated: 'red', acceptance_overdue: 'orange', listed: 'purple', extension_rejected: 'orange' };

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const time = (value: unknown) => (typeof value === 'string' && value ? formatDateTime(value) : '');

/** What an event carried, in a line or two. */
function details(event: HazardEvent, t: TFunction): string[] {
  const p = event.payload;
  switch (event.type) {
    case 'found':
      return [text(p.description)];
    case 'assigned':
      return [t('hazards.event.detail.assigned', { unit: text(p.responsibleUnit), person: text(p.responsiblePerson), deadline: time(p.deadline) }), ...(p.governancePlan ? [t('hazards.event.detail.withPlan')] : [])];
    case 'rectification_submitted':
      return [text(p.evidence), ...(p.withdrawnExtension ? [t('hazards.event.detail.withdrawnExtension')] : [])];
    case 'sent_back':
    case 'extension_rejected':
      return [t('hazards.event.detail.reason', { reason: text(p.reason) })];
    case 'accepted':
      return [p.formal ? t('hazards.event.detail.formal', { ref: text(p.assessmentReportRef) }) : '', text(p.note)].filter(Boolean);
    case 'extension_requested':
      return [t('hazards.event.detail.extensionRequested', { deadline: time(p.requestedDeadline), reason: text(p.reason) })];
    case 'extension_approved':
      return [t('hazards.event.detail.extensionApproved', { from: time(p.previousDeadline), to: time(p.deadline) }), text(p.note)].filter(Boolean);
    case 'listed':
      return [t('hazards.event.detail.listed', { unit: text(p.unitName), due: time(p.publicationDueAt) }), text(p.note)].filter(Boolean);
    case 'escalated':
      return [t('hazards.event.detail.escalated', { level: t(`hazards.marks.escalated.${text(p.level)}`), region: text(p.escalatedTo) })];
    case 'acceptance_overdue':
      return [t('hazards.event.detail.acceptanceOverdue', { due: time(p.dueAt) })];
    default:
      return [];
  }
}

/** Every step the hazard went through: who, when, from which status to which, and the version it produced. */
export function HazardTimeline({ events, photos }: { events: HazardEvent[]; photos: HazardPhoto[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Timeline
      data-testid="hazard-timeline"
      items={events.map((event) => ({
        key: event.version,
        color: COLOURS[event.type] ?? 'blue',
        content: (
          <div data-testid={`hazard-event-${event.type}`}>
            <Typography.Text strong>{t(`hazards.event.${event.type}`, { defaultValue: event.type })}</Typography.Text>
            {event.fromStatus && event.fromStatus !== event.toStatus && (
              <Typography.Text type="secondary">{`　${label(HAZARD_STATUS_LABELS[event.fromStatus])} → ${label(HAZARD_STATUS_LABELS[event.toStatus])}`}</Typography.Text>
            )}
            {details(event, t).map((line, i) => (
              <div key={i} style={{ whiteSpace: 'pre-wrap' }}>
                {line}
              </div>
            ))}
            {Array.isArray(event.payload.photos) && event.payload.photos.length > 0 && (
              <div style={{ margin: '4px 0' }}>
                <PhotoThumbs photos={photos} refs={event.payload.photos.filter((ref): ref is string => typeof ref === 'string')} size={56} testId={`hazard-event-photos-${event.version}`} />
              </div>
            )}
            <Typography.Text type="secondary">
              {t('hazards.event.by', { at: formatDateTime(event.at), actor: event.actorName ?? t(`hazards.event.actor.${event.actorKind}`, { defaultValue: event.actorKind }), version: event.version })}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
