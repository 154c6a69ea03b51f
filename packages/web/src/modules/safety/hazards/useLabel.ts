import { useLang } from '../../../i18n/useLang';

/** Names the domain ships in both languages (statuses, grades, plan parts, checklist items) in the current one. */
export function useLabel(): (label: { 'zh-CN': string; en: string }) => string {
  const lang = useLang();
  return (label) => label[lang];
}
