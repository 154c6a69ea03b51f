import { useQuery } from '@tanstack/react-query';
import { accidentKeys, accidentsApi } from './accidents.api';

export function useAccident(id: string) {
  return useQuery({ queryKey: accidentKeys.detail(id), queryFn: () => accidentsApi.get(id) });
}
