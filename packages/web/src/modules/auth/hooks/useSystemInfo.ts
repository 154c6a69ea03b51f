import { useQuery } from '@tanstack/react-query';
import { authApi, authKeys } from '../api/auth.api';

export function useSystemInfo() {
  return useQuery({ queryKey: authKeys.systemInfo, queryFn: authApi.systemInfo, staleTime: Infinity });
}
