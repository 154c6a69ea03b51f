import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../../app/api/useApiError';
import type { User } from './users.types';
import { useSaveUser } from './useSaveUser';

/** Disables an active user or enables a disabled one. */
export function useToggleUserDisabled() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveUser();
  const showError = useApiError();

  return (user: User) =>
    save.mutateAsync({ kind: 'update', id: user.id, patch: { version: user.version, disabled: !user.disabled } }).then(
      (saved) => void message.success(t(saved.disabled ? 'users.disabledDone' : 'users.enabledDone', { username: saved.username })),
      (error: unknown) => showError(error),
    );
}
