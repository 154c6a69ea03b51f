import type { TFunction } from 'i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Whole yuan with digit grouping, and the 万元 the regulations count in once it is large enough. */
export function formatYuan(yuan: number, t: TFunction): string {
  const text = t('accidents.unit.yuan', { value: yuan.toLocaleString('zh-CN') });
  return yuan >= 10_000 ? `${text}（${t('accidents.unit.wan', { value: (yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 }) })}）` : text;
}

/** A span of time in days, hours and minutes, e.g. for "2 h 5 min late". */
export function formatSpan(ms: number, t: TFunction): string {
  const abs = Math.abs(ms);
  if (abs >= DAY) return t('accidents.span.days', { days: Math.floor(abs / DAY), hours: Math.floor((abs % DAY) / HOUR) });
  if (abs >= HOUR) return t('accidents.span.hours', { hours: Math.floor(abs / HOUR), minutes: Math.floor((abs % HOUR) / MINUTE) });
  return t('accidents.span.minutes', { minutes: Math.floor(abs / MINUTE), seconds: Math.floor((abs % MINUTE) / 1000) });
}

/** A year-on-year ratio as a signed percentage; '—' when last year was 0. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null) return '—';
  const percent = Math.round(ratio * 1000) / 10;
  return `${percent > 0 ? '+' : ''}${percent}%`;
}
