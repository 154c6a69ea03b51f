import type { FormInstance } from 'antd';
import type { Lang } from '../../i18n/language';
import { pickLocalized } from '../../i18n/localized';
import { isApiError } from './problem';

/** Turns a problem field such as `newPassword`, `/roles/0` or `body.roles.0` into a form name path. */
function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .split(/[./]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Puts the problem's field errors beside the form fields they name; returns whether there were any. */
export function applyFieldErrors(form: FormInstance, error: unknown, lang: Lang): boolean {
  const fieldErrors = isApiError(error) ? (error.problem?.errors ?? []) : [];
  if (fieldErrors.length === 0) return false;
  form.setFields(
    fieldErrors.map((fieldError) => ({
      name: fieldPath(fieldError.field),
      errors: [pickLocalized(fieldError.message, lang) ?? fieldError.code],
    })),
  );
  return true;
}
