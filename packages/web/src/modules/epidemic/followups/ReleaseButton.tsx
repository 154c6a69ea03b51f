import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/problem';
import { useApiError } from '../../../app/api/useApiError';
import type { PersonBrief } from './followups.types';
import { useRelease } from './useFollowups';

/** Releases a person in one action; the server checks the release conditions again and says why not. */
export function ReleaseButton({ person, disabled }: { person: PersonBrief; disabled: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const release = useRelease();
  const showError = useApiError();

  const confirm = () =>
    release.mutate(
      { personId: person.id, version: person.version },
      {
        onSuccess: (result) => void message.success(t('epidemicOps.followups.released', { name: person.name, date: result.releasedOn })),
        onError: (error) => {
          const reasons = isApiError(error, 422) ? ((error.problem as { reasons?: string[] } | null)?.reasons ?? []) : [];
          if (reasons.length > 0) void message.error(t('epidemicOps.followups.releaseRefused', { reasons: reasons.map((r) => t(`epidemicOps.releaseReason.${r}`, { defaultValue: r })).join(t('common.listSeparator')) }));
          else showError(error);
        },
      },
    );

  return (
    <Popconfirm title={t('epidemicOps.followups.releaseConfirm', { name: person.name })} onConfirm={confirm} okButtonProps={{ 'data-testid': `release-confirm-${person.id}` } as ButtonProps} disabled={disabled}>
      <Button type="primary" size="small" disabled={disabled} loading={release.isPending} data-testid={`release-${person.id}`}>
        {t('epidemicOps.followups.release')}
      </Button>
    </Popconfirm>
  );
}
