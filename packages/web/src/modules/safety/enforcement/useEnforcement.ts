import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../../../app/api/useCursorList';
import { enforcementApi, enforcementKeys } from './enforcement.api';
import type { EnforcementFilter, EnforcementInput } from './enforcement.types';

export function useEnforcementCases(filter: EnforcementFilter) {
  return useCursorList(enforcementKeys.list(filter), (cursor) => enforcementApi.list(filter, cursor));
}

export function useEnforcementCase(id: string) {
  return useQuery({ queryKey: enforcementKeys.detail(id), queryFn: () => enforcementApi.get(id) });
}

export function useSaveEnforcement(id?: string) {
  const queryClient = useQueryClient();
  const settled = () => queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
  return {
    create: useMutation({ mutationFn: (input: EnforcementInput & { enterpriseId: string }) => enforcementApi.create(input), onSettled: settled }),
    update: useMutation({ mutationFn: (patch: Partial<EnforcementInput> & { version: number }) => enforcementApi.update(id!, patch), onSettled: settled }),
  };
}
