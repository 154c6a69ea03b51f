import { useQuery } from '@tanstack/react-query';
import { accidentKeys, accidentsApi } from './accidents.api';

export function useObligations() {
  return useQuery({ queryKey: accidentKeys.obligations, queryFn: accidentsApi.obligations, refetchInterval: 60_000 });
}
