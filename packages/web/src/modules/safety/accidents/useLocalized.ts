import { useCallback } from 'react';
import { pickLocalized, type LocalizedText } from '../../../i18n/localized';
import { useLang } from '../../../i18n/useLang';

/** Picks the current language from a label the server or the domain gives in both. */
export function useLocalized() {
  const lang = useLang();
  return useCallback((text: Partial<LocalizedText>) => pickLocalized(text, lang) ?? '', [lang]);
}
