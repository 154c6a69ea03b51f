import { useQuery } from '@tanstack/react-query';
import { useCursorList } from '../../../app/api/useCursorList';
import { enterpriseKeys, enterprisesApi } from './enterprises.api';
import type { EnterpriseFilter } from './enterprises.types';

export function useEnterprises(filter: EnterpriseFilter) {
  return useCursorList(enterpriseKeys.list(filter), (cursor) => enterprisesApi.list(filter, cursor));
}

export function useEnterprise(id: string) {
  return useQuery({ queryKey: enterpriseKeys.one(id), queryFn: () => enterprisesApi.get(id) });
}

/** Reference lists for forms and filters; they change rarely. */
export function useIndustries() {
  return useQuery({ queryKey: enterpriseKeys.industries, queryFn: enterprisesApi.industries, staleTime: 60 * 60_000 });
}

export function useParks() {
  return useQuery({ queryKey: enterpriseKeys.parks, queryFn: enterprisesApi.parks, staleTime: 60_000 });
}

export function useSupervisingUnits() {
  return useQuery({ queryKey: enterpriseKeys.supervisingUnits, queryFn: enterprisesApi.supervisingUnits, staleTime: 5 * 60_000 });
}
