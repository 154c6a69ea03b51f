import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportStatus } from './exports.types';

const COLORS: Record<ExportStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', downloaded: 'blue', expired: 'default' };

export function ExportStatusTag({ status }: { status: ExportStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`exports.status.${status}`)}</Tag>;
}
