import { useMutation, useQueryClient } from '@tanstack/react-query';
import { userKeys, usersApi } from './users.api';
import type { UserCreate, UserPatch } from './users.types';

export type UserSave = { kind: 'create'; user: UserCreate } | { kind: 'update'; id: string; patch: UserPatch };

/** Creates or updates a user; any outcome refreshes the list (a 409 means it changed meanwhile). */
export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: UserSave) =>
      save.kind === 'create' ? usersApi.create(save.user) : usersApi.update(save.id, save.patch),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
