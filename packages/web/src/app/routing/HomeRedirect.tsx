import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useCurrentUser } from '../../modules/auth/hooks/useCurrentUser';
import { allowedNavigation } from '../layout/navigation';

/** "/" opens the first page the user may see. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const first = allowedNavigation(me.permissions)[0]?.items[0];
  if (!first) return <Result status="info" title={t('home.nothingTitle')} subTitle={t('home.nothing')} />;
  return <Navigate to={first.path} replace />;
}
