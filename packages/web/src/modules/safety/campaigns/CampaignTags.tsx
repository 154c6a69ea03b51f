import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignPhase } from './campaigns.types';

const PHASE_COLOURS: Record<CampaignPhase, string> = { planned: 'default', active: 'processing', ended: 'success' };

export function CampaignPhaseTag({ phase }: { phase: CampaignPhase }) {
  const { t } = useTranslation();
  return (
    <Tag color={PHASE_COLOURS[phase]} data-testid="campaign-phase">
      {t(`campaigns.phase.${phase}`)}
    </Tag>
  );
}
