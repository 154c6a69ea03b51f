import { hashKey, type QueryClient } from '@tanstack/react-query';
import { authKeys } from './api/auth.api';

/**
 * Marks nobody as signed in and drops everything cached for the previous session, so none of
 * it is shown to whoever signs in next. `me` is set rather than removed so that the sign-in
 * guard redirects at once instead of asking the server again.
 */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.setQueryData(authKeys.me, null);
  // System information describes the server, not the user, and is kept.
  const kept = new Set([hashKey(authKeys.me), hashKey(authKeys.systemInfo)]);
  queryClient.removeQueries({ predicate: (query) => !kept.has(query.queryHash) });
}
