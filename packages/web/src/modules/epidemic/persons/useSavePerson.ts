import { useMutation, useQueryClient } from '@tanstack/react-query';
import { personKeys, personsApi } from './persons.api';
import type { PersonPatch, PersonRegistration } from './persons.types';

export function useRegisterPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (person: PersonRegistration) => personsApi.register(person),
    onSettled: () => queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });
}

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: PersonPatch) => personsApi.update(id, patch),
    onSuccess: (person) => queryClient.setQueryData(personKeys.detail(id), person),
    onSettled: () => queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });
}
