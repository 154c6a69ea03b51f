import { ATTENDANCE_STATUS_LABELS } from '@shoutu/domain';
import { Tag } from 'antd';
import { useLabel } from './labels';
import type { AttendanceStatus } from './training.types';

const COLOR: Record<AttendanceStatus, string> = { attended: 'green', partial: 'gold', absent: 'red' };

export function AttendanceTag({ status, testId }: { status: AttendanceStatus; testId?: string }) {
  const label = useLabel();
  return (
    <Tag color={COLOR[status]} data-testid={testId}>
      {label(ATTENDANCE_STATUS_LABELS[status])}
    </Tag>
  );
}
