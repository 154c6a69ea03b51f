import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api/client';
import type { EpidemicDashboard } from './dashboard.types';

export const dashboardKeys = {
  all: ['epidemic-dashboard'] as const,
  of: (regionCode: string | undefined) => ['epidemic-dashboard', regionCode ?? ''] as const,
};

/** The figures refresh every minute while the page is open: a command screen stays on. */
export function useEpidemicDashboard(regionCode: string | undefined) {
  return useQuery({
    queryKey: dashboardKeys.of(regionCode),
    queryFn: () => api<EpidemicDashboard>('/epidemic/dashboard', { query: { regionCode } }),
    refetchInterval: 60_000,
  });
}
