import { useLang } from '../../../i18n/useLang';

/** Names the domain ships in both languages (statuses, kinds) in the current one. */
export function useLabel(): (label: { 'zh-CN': string; en: string }) => string {
  const lang = useLang();
  return (label) => label[lang];
}

/** A rate as a percentage with one decimal, or a dash when nobody was required. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
