import type { TFunction } from 'i18next';

/** A lateness in minutes as days, hours and minutes (逾期 2 天 3 小时). */
export function formatLateness(minutes: number, t: TFunction): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? t('accountability.span.days', { count: days }) : '', hours ? t('accountability.span.hours', { count: hours }) : '', !days && rest ? t('accountability.span.minutes', { count: rest }) : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : t('accountability.span.minutes', { count: 0 });
}
