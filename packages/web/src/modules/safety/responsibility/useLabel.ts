import { useLang } from '../../../i18n/useLang';

/** Names the domain and the server ship in both languages, in the current one. */
export function useLabel(): (label: { 'zh-CN': string; en: string }) => string {
  const lang = useLang();
  return (label) => label[lang];
}
