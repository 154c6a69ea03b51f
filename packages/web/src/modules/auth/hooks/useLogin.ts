import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi, authKeys } from '../api/auth.api';
import { forgetSession } from '../forgetSession';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.login,
    onSuccess: (me) => {
      forgetSession(queryClient);
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}
