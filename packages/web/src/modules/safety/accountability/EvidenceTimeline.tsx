import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/formatDateTime';
import type { EvidencePack } from './accountability.types';
import { useLabel } from '../responsibility/useLabel';

/** The evidence pack (证据材料): every step of the item, who did or owed it and when; late steps in red. */
export function EvidenceTimeline({ evidence }: { evidence: EvidencePack }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <>
      <Typography.Paragraph strong>
        {evidence.link ? <Link to={evidence.link}>{evidence.title}</Link> : evidence.title}
      </Typography.Paragraph>
      <Timeline
        data-testid="evidence-timeline"
        items={evidence.events.map((event, index) => ({
          key: index,
          color: event.late ? 'red' : 'blue',
          content: (
            <div data-testid="evidence-event">
              <Typography.Text strong type={event.late ? 'danger' : undefined}>
                {label(event.what)}
              </Typography.Text>
              {event.detail && <div style={{ whiteSpace: 'pre-wrap' }}>{event.detail}</div>}
              <div>
                <Typography.Text type="secondary">{t('accountability.evidence.by', { at: formatDateTime(event.at).slice(0, 16), who: event.who ?? t('accountability.evidence.unknown') })}</Typography.Text>
              </div>
            </div>
          ),
        }))}
      />
    </>
  );
}
