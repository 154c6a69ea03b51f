import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { authApi } from '../api/auth.api';
import { forgetSession } from '../forgetSession';

/** Ends the session; even when the call fails the browser forgets the user and shows /login. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: authApi.logout,
    onSettled: () => {
      // Query updates reach components a tick later, a synchronous navigation at once: so the
      // signed-in pages are gone before they could notice, and the guard does not redirect
      // to /login?next=<this page>, while the sign-in page mounts already seeing nobody.
      forgetSession(queryClient);
      void navigate('/login', { replace: true, flushSync: true });
    },
  });
}
