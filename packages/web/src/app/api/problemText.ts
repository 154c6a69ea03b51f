import type { TFunction } from 'i18next';
import type { Lang } from '../../i18n/language';
import { pickLocalized } from '../../i18n/localized';
import { isApiError } from './problem';

/** The sentence to show for a failed call, in the user's language. */
export function problemText(error: unknown, lang: Lang, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  return (
    pickLocalized(error.problem?.message, lang) ??
    (error.status === 0 ? t('errors.network') : t('errors.status', { status: error.status }))
  );
}
