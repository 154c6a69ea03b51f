import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enterpriseKeys, enterprisesApi } from './enterprises.api';
import type { EnterpriseInput, EnterprisePatch } from './enterprises.types';

export type EnterpriseSave = { kind: 'create'; input: EnterpriseInput } | { kind: 'update'; id: string; patch: EnterprisePatch };

export function useSaveEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: EnterpriseSave) => (save.kind === 'create' ? enterprisesApi.create(save.input) : enterprisesApi.update(save.id, save.patch)),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }), queryClient.invalidateQueries({ queryKey: ['safety', 'coverage'] })]),
  });
}
