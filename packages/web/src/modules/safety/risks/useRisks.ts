import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../../../app/api/useCursorList';
import { riskKeys, risksApi } from './risks.api';
import type { AssessmentInput, RiskPointFilter, RiskPointInput, ThresholdsInForce } from './risks.types';

export function useRiskPoints(filter: RiskPointFilter) {
  return useCursorList(riskKeys.list(filter), (cursor) => risksApi.list(filter, cursor));
}

export function useRiskPoint(id: string) {
  return useQuery({ queryKey: riskKeys.detail(id), queryFn: () => risksApi.get(id) });
}

export function useRiskOverview(regionCode: string | undefined, enterpriseId: string | undefined) {
  return useQuery({ queryKey: riskKeys.overview(regionCode, enterpriseId), queryFn: () => risksApi.overview(regionCode, enterpriseId) });
}

export function useThresholds() {
  return useQuery({ queryKey: riskKeys.thresholds, queryFn: risksApi.thresholds, staleTime: 60_000 });
}

export function useRiskWrites(id?: string) {
  const queryClient = useQueryClient();
  const settled = () => queryClient.invalidateQueries({ queryKey: riskKeys.all });
  return {
    create: useMutation({ mutationFn: (input: RiskPointInput) => risksApi.create(input), onSettled: settled }),
    assess: useMutation({ mutationFn: (body: AssessmentInput & { version: number; note?: string }) => risksApi.assess(id!, body), onSettled: settled }),
    retire: useMutation({ mutationFn: (version: number) => risksApi.retire(id!, version), onSettled: settled }),
    saveThresholds: useMutation({ mutationFn: (body: Omit<ThresholdsInForce, 'regionCode'> & { regionCode: string }) => risksApi.saveThresholds(body), onSettled: settled }),
  };
}
