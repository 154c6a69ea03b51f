import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { accidentKeys, accidentsApi } from './accidents.api';
import type { DoubleDecreaseQuery } from './accidents.types';

export function useDoubleDecrease(query: DoubleDecreaseQuery) {
  return useQuery({ queryKey: accidentKeys.doubleDecrease(query), queryFn: () => accidentsApi.doubleDecrease(query), placeholderData: keepPreviousData });
}
