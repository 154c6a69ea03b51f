import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi, authKeys } from '../api/auth.api';

export function useTotpConfirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.totpConfirm,
    // The server frees the session; read the user again rather than guess.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
