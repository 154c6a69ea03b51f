import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { coverageApi, coverageKeys } from './coverage.api';
import type { IndustrySupervisionPut } from './coverage.types';

export function useCoverage(months: number) {
  return useQuery({ queryKey: coverageKeys.report(months), queryFn: () => coverageApi.report(months) });
}

export function useIndustrySupervision() {
  return useQuery({ queryKey: coverageKeys.mapping, queryFn: coverageApi.mapping });
}

export function useSaveIndustrySupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IndustrySupervisionPut) => coverageApi.putMapping(body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: coverageKeys.mapping }),
  });
}
