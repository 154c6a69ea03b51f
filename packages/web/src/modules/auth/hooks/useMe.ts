import { useQuery } from '@tanstack/react-query';
import { authApi, authKeys } from '../api/auth.api';

/** The session's user: `me` is null when nobody is signed in. */
export function useMe() {
  const query = useQuery({ queryKey: authKeys.me, queryFn: authApi.me, staleTime: Infinity });
  return { me: query.data ?? null, isLoading: query.isPending, error: query.error };
}
