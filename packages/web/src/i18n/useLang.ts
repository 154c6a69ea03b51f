import { useTranslation } from 'react-i18next';
import { DEFAULT_LANG, isLang, type Lang } from './language';

/** The language the interface is currently shown in. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return isLang(lang) ? lang : DEFAULT_LANG;
}
