import { useQuery } from '@tanstack/react-query';
import { regionKeys, regionsApi } from '../../regions/api/regions.api';

/** Names of the regions one level below `parent`, for the chart axis (a community is its own "child"). */
export function useChildNames(parent: string, level: 'county' | 'town' | 'community'): Map<string, string> {
  const own = parent.length === 12 && level === 'community';
  const children = useQuery({ queryKey: regionKeys.children(parent), queryFn: () => regionsApi.children(parent), enabled: parent !== '' && !own, staleTime: 5 * 60_000 });
  const self = useQuery({ queryKey: regionKeys.one(parent), queryFn: () => regionsApi.get(parent), enabled: own, staleTime: 5 * 60_000 });
  const names = new Map<string, string>();
  for (const region of children.data ?? []) names.set(region.code, region.name);
  if (self.data) names.set(self.data.code, self.data.name);
  return names;
}
