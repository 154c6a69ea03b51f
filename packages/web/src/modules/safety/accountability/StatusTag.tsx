import type { AccountabilityStatus } from '@shoutu/domain';
import { Tag } from 'antd';
import { useLabel } from '../responsibility/useLabel';
import type { Label } from './accountability.types';

const COLOURS: Record<AccountabilityStatus, string> = { investigating: 'processing', decided: 'warning', dismissed: 'default', executed: 'success', revoked: 'default' };

export function StatusTag({ status, label }: { status: AccountabilityStatus; label: Label }) {
  const text = useLabel();
  return (
    <Tag color={COLOURS[status]} data-testid="record-status">
      {text(label)}
    </Tag>
  );
}
