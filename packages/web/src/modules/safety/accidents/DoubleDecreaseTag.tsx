import { DOUBLE_DECREASE_LABELS, type DoubleDecreaseStatus } from '@shoutu/domain';
import { Tag } from 'antd';
import { useLocalized } from './useLocalized';

export const STATUS_COLORS: Record<DoubleDecreaseStatus, string> = { both_down: 'success', one_down: 'warning', none_down: 'error' };

export function DoubleDecreaseTag({ status, testId, large }: { status: DoubleDecreaseStatus; testId?: string; large?: boolean }) {
  const localized = useLocalized();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status} style={large ? { fontSize: 22, lineHeight: '36px', padding: '0 16px' } : undefined}>
      {localized(DOUBLE_DECREASE_LABELS[status])}
    </Tag>
  );
}
