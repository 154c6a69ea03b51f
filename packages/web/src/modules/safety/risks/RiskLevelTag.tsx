import { RISK_LEVEL_LABELS, type RiskLevel } from '@shoutu/domain';
import { Tag } from 'antd';
import { useLabel } from '../hazards/useLabel';

/** The four colours of risk graded control (红橙黄蓝). */
export const RISK_COLOURS: Record<RiskLevel, string> = { red: '#cf1322', orange: '#fa8c16', yellow: '#fadb14', blue: '#1677ff' };

export function RiskLevelTag({ level }: { level: RiskLevel }) {
  const label = useLabel();
  return (
    <Tag color={RISK_COLOURS[level]} style={level === 'yellow' ? { color: '#614700' } : undefined} data-testid="risk-level">
      {`${label(RISK_LEVEL_LABELS[level].colour)} · ${label(RISK_LEVEL_LABELS[level])}`}
    </Tag>
  );
}
