import { forgetSession } from '../modules/auth/forgetSession';
import { setUnauthorizedHandler } from './api/client';
import { queryClient } from './queryClient';
import { router } from './router';

/** When any call finds the session gone, forget it and go to /login, coming back afterwards. */
export function watchSession(): void {
  setUnauthorizedHandler(() => {
    const { pathname, search } = router.state.location;
    // Forget first, then leave synchronously: the order useLogout explains.
    forgetSession(queryClient);
    if (pathname !== '/login') {
      const next = encodeURIComponent(`${pathname}${search}`);
      void router.navigate(`/login?next=${next}`, { replace: true, flushSync: true });
    }
  });
}
