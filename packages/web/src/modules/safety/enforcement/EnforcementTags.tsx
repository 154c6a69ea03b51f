import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { EnforcementMeasure, EnforcementStatus } from './enforcement.types';

const STATUS_COLOURS: Record<EnforcementStatus, string> = { investigating: 'processing', decided: 'warning', executed: 'cyan', closed: 'success' };
const MEASURE_COLOURS: Record<EnforcementMeasure['kind'], string> = { order_rectify: 'blue', fine: 'volcano', suspension: 'red', other: 'default' };

export function EnforcementStatusTag({ status }: { status: EnforcementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="enforcement-status">
      {t(`enforcement.status.${status}`)}
    </Tag>
  );
}

/** Whole yuan as recorded, with thousands separators. */
export function formatYuan(t: TFunction, amount: number): string {
  return t('enforcement.yuan', { amount: amount.toLocaleString('zh-CN') });
}

/** One tag per measure: what was ordered, how much, until when. */
export function MeasureTags({ measures }: { measures: EnforcementMeasure[] }) {
  const { t } = useTranslation();
  if (measures.length === 0) return <>{t('common.empty')}</>;
  return (
    <Space size={[0, 4]} wrap>
      {measures.map((m, index) => (
        <Tag key={index} color={MEASURE_COLOURS[m.kind]}>
          {t(`enforcement.measure.${m.kind}`)}
          {m.kind === 'fine' && m.amountYuan !== null && ` ${formatYuan(t, m.amountYuan)}`}
          {m.kind === 'order_rectify' && m.deadline && ` ${t('enforcement.by', { day: m.deadline })}`}
          {m.kind === 'suspension' && m.startsOn && ` ${m.startsOn} ~ ${m.endsOn ?? ''}`}
        </Tag>
      ))}
    </Space>
  );
}
