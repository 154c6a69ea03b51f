import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { regionKeys, regionsApi } from '../api/regions.api';
import type { Region } from '../api/regions.types';

export interface RegionNode {
  region: Region;
  children?: RegionNode[];
}

/**
 * The caller's ground as a tree that loads one level at a time: `loadChildren(code)` fetches
 * `?parent=code` the first time a node is expanded.
 */
export function useRegionTree() {
  const queryClient = useQueryClient();
  const [childrenOf, setChildrenOf] = useState<Record<string, Region[]>>({});

  const remember = useCallback(
    (regions: Region[]) => {
      for (const region of regions) queryClient.setQueryData(regionKeys.one(region.code), region);
      return regions;
    },
    [queryClient],
  );

  const roots = useQuery({
    queryKey: regionKeys.roots,
    queryFn: () => regionsApi.roots().then(remember),
    staleTime: 5 * 60_000,
  });

  const loadChildren = useCallback(
    async (code: string) => {
      const children = await queryClient.fetchQuery({
        queryKey: regionKeys.children(code),
        queryFn: () => regionsApi.children(code).then(remember),
        staleTime: 5 * 60_000,
      });
      setChildrenOf((loaded) => ({ ...loaded, [code]: children }));
    },
    [queryClient, remember],
  );

  const toNode = (region: Region): RegionNode => {
    const children = childrenOf[region.code];
    return children ? { region, children: children.map(toNode) } : { region };
  };

  return {
    nodes: (roots.data ?? []).map(toNode),
    isLoading: roots.isLoading,
    error: roots.error,
    loadChildren,
  };
}
