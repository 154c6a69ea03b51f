import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unitKeys, unitsApi } from './units.api';
import type { UnitCreate, UnitPatch } from './units.types';

export type UnitSave = { kind: 'create'; unit: UnitCreate } | { kind: 'update'; id: string; patch: UnitPatch };

export function useSaveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: UnitSave) => (save.kind === 'create' ? unitsApi.create(save.unit) : unitsApi.update(save.id, save.patch)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
