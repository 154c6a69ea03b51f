import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../../../app/api/useCursorList';
import { responsibilityApi, responsibilityKeys } from './responsibility.api';
import type { DutyListFilter, LetterFilter } from './responsibility.types';

export function useDutyTemplates() {
  return useQuery({ queryKey: responsibilityKeys.templates, queryFn: responsibilityApi.templates, staleTime: 60_000 });
}

export function useDutyLists(filter: DutyListFilter) {
  return useCursorList(responsibilityKeys.lists(filter), (cursor) => responsibilityApi.lists(filter, cursor));
}

export function useLetters(filter: LetterFilter) {
  return useCursorList(responsibilityKeys.letters(filter), (cursor) => responsibilityApi.letters(filter, cursor));
}

export function useLetterSummary(year: number) {
  return useQuery({ queryKey: responsibilityKeys.summary(year), queryFn: () => responsibilityApi.summary(year) });
}

export function useRegionLeaders(regionCode: string | undefined) {
  return useCursorList(responsibilityKeys.leaders(regionCode), (cursor) => responsibilityApi.leaders(regionCode, cursor));
}

export function useResponsibilityChain(enterpriseId: string) {
  return useQuery({ queryKey: responsibilityKeys.chain(enterpriseId), queryFn: () => responsibilityApi.chain(enterpriseId) });
}

/** Every write refreshes the module's lists, tallies and chains together. */
export function useResponsibilityMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: responsibilityKeys.all }) });
}
