import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../../../app/api/useCursorList';
import { accountabilityApi, accountabilityKeys } from './accountability.api';
import type { CandidateQuery, RecordFilter } from './accountability.types';

export function useCandidates(query: CandidateQuery) {
  return useQuery({ queryKey: accountabilityKeys.candidates(query), queryFn: () => accountabilityApi.candidates(query) });
}

export function useRecords(filter: RecordFilter) {
  return useCursorList(accountabilityKeys.records(filter), (cursor) => accountabilityApi.records(filter, cursor));
}

export function useRecord(id: string) {
  return useQuery({ queryKey: accountabilityKeys.record(id), queryFn: () => accountabilityApi.record(id) });
}

/** A decision changes the candidates and the records together. */
export function useAccountabilityMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: accountabilityKeys.all }) });
}
