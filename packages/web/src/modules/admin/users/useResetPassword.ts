import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userKeys, usersApi } from './users.api';

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => usersApi.resetPassword(id, password),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
