import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { personKeys } from '../persons/persons.api';
import { tracingApi, tracingKeys } from './tracing.api';
import type { ContactRegistration } from './tracing.types';

export function useClusters(regionCode: string | undefined) {
  return useQuery({ queryKey: tracingKeys.clusters(regionCode), queryFn: () => tracingApi.clusters(regionCode) });
}

export function useChain(personId: string | null) {
  return useQuery({ queryKey: tracingKeys.chain(personId ?? ''), queryFn: () => tracingApi.chain(personId!), enabled: personId !== null });
}

export function useRegisterContact(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: ContactRegistration) => tracingApi.registerContact(caseId, contact),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: tracingKeys.all });
      void queryClient.invalidateQueries({ queryKey: personKeys.all });
    },
  });
}
