import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang';
import { applyFieldErrors } from './fieldErrors';
import { problemText } from './problemText';

/**
 * Shows an API failure in the current language: field errors beside their form fields (when a
 * form is given) and the overall message as a toast.
 */
export function useApiError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const lang = useLang();

  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (form) applyFieldErrors(form, error, lang);
      void message.error(problemText(error, lang, t));
    },
    [message, t, lang],
  );
}
