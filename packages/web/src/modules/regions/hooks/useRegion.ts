import { useQuery } from '@tanstack/react-query';
import { regionKeys, regionsApi } from '../api/regions.api';

/** One region by code; answered from the tree's cache when the tree already loaded it. */
export function useRegion(code: string | null) {
  return useQuery({
    queryKey: regionKeys.one(code ?? ''),
    queryFn: () => regionsApi.get(code ?? ''),
    enabled: code !== null,
    staleTime: 5 * 60_000,
  });
}
