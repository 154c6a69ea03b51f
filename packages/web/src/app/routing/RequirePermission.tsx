import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../modules/auth/api/auth.types';
import { usePermission } from '../../modules/auth/hooks/usePermission';

/** Hides a page from users without its permission; the server refuses the data regardless. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const allowed = usePermission(permission);
  if (!allowed) return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />;
  return children;
}
