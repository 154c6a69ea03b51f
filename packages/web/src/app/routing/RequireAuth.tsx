import { Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { CurrentUserContext } from '../../modules/auth/CurrentUserContext';
import { useMe } from '../../modules/auth/hooks/useMe';
import { LoadFailed } from './LoadFailed';

const CHANGE_PASSWORD = '/change-password';
const ENROL_TOTP = '/enrol-totp';

/**
 * The signed-in area: no session goes to /login; a forced password change allows nothing else,
 * and then an admin's pending TOTP enrolment allows nothing else.
 */
export function RequireAuth() {
  const { me, isLoading, error } = useMe();
  const location = useLocation();

  if (isLoading) return <Spin fullscreen />;
  if (error) return <LoadFailed error={error} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD) return <Navigate to={CHANGE_PASSWORD} replace />;
  if (!me.mustChangePassword && me.secondFactor === 'enrol' && location.pathname !== ENROL_TOTP) return <Navigate to={ENROL_TOTP} replace />;
  return (
    <CurrentUserContext value={me}>
      <Outlet />
    </CurrentUserContext>
  );
}
