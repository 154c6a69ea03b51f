import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { personKeys } from '../persons/persons.api';
import { tracingKeys } from '../tracing/tracing.api';
import { followupKeys, followupsApi } from './followups.api';
import type { FollowupInput } from './followups.types';

export function useFollowupsToday(gridCode: string | undefined, date: string) {
  return useQuery({ queryKey: followupKeys.today(gridCode, date), queryFn: () => followupsApi.today(gridCode, date) });
}

export function useMissedFollowups(regionCode: string | undefined, date: string) {
  return useQuery({ queryKey: followupKeys.missed(regionCode, date), queryFn: () => followupsApi.missed(regionCode, date) });
}

export function useGridAlerts() {
  return useQuery({ queryKey: followupKeys.alerts, queryFn: followupsApi.alerts });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of [followupKeys.all, personKeys.all, tracingKeys.all]) void queryClient.invalidateQueries({ queryKey: key });
  };
}

export function useRecordFollowup(personId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: FollowupInput) => followupsApi.record(personId, input), onSettled: invalidate });
}

export function useRelease() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ personId, version }: { personId: string; version: number }) => followupsApi.release(personId, version), onSettled: invalidate });
}

export function useAcknowledgeAlert() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => followupsApi.acknowledge(id), onSettled: invalidate });
}
