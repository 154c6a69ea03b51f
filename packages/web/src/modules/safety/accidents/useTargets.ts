import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accidentKeys, accidentsApi } from './accidents.api';
import type { AccidentTarget } from './accidents.types';

export function useTargets(year: number) {
  return useQuery({ queryKey: accidentKeys.targets(year), queryFn: () => accidentsApi.targets(year) });
}

export interface TargetInput {
  regionCode: string;
  maxAccidents: number;
  maxDeaths: number;
}

/** Creates the region's target for the year, or changes the one it has. */
export function useSaveTarget(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ existing, input }: { existing: AccidentTarget | undefined; input: TargetInput }) =>
      existing
        ? accidentsApi.updateTarget(existing.id, { version: existing.version, maxAccidents: input.maxAccidents, maxDeaths: input.maxDeaths })
        : accidentsApi.createTarget({ year, ...input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accidentKeys.all }),
  });
}
