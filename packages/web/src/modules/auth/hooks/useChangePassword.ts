import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi, authKeys } from '../api/auth.api';

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.changePassword,
    // The server clears mustChangePassword; read the user again rather than guess.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me }),
  });
}
