import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../../../app/api/useCursorList';
import { hazardKeys, hazardsApi } from './hazards.api';
import type { HazardDetail, HazardFilter, HazardReport, HazardSettingsInput, HazardTransition } from './hazards.types';

export function useHazards(filter: HazardFilter) {
  return useCursorList(hazardKeys.list(filter), (cursor) => hazardsApi.list(filter, cursor));
}

/** Others act on the same hazard (the enterprise, the regulator): opening it always asks again, showing what is cached meanwhile. */
export function useHazard(id: string) {
  return useQuery({ queryKey: hazardKeys.detail(id), queryFn: () => hazardsApi.get(id), refetchOnMount: 'always' });
}

export function useHazardOverview(regionCode: string | undefined) {
  return useQuery({ queryKey: hazardKeys.overview(regionCode), queryFn: () => hazardsApi.overview(regionCode) });
}

export function useReportHazard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (report: HazardReport) => hazardsApi.report(report),
    onSettled: () => queryClient.invalidateQueries({ queryKey: hazardKeys.all }),
  });
}

/** A step of the loop, or the listing; the answer is the hazard as it now is. */
export function useHazardStep(id: string) {
  const queryClient = useQueryClient();
  const done = (hazard: HazardDetail) => queryClient.setQueryData(hazardKeys.detail(id), hazard);
  const settled = () => queryClient.invalidateQueries({ queryKey: hazardKeys.all });
  return {
    transition: useMutation({ mutationFn: (body: HazardTransition) => hazardsApi.transition(id, body), onSuccess: done, onSettled: settled }),
    list: useMutation({ mutationFn: (body: { version: number; note?: string }) => hazardsApi.listForSupervision(id, body), onSuccess: done, onSettled: settled }),
  };
}

/** What waits on the user changes with everyone else's steps: opening the inbox always asks again. */
export function useHazardInbox() {
  return useQuery({ queryKey: hazardKeys.inbox, queryFn: hazardsApi.inbox, refetchOnMount: 'always' });
}

export function useHazardSettings() {
  return useQuery({ queryKey: hazardKeys.settings, queryFn: hazardsApi.settings });
}

export function useSaveHazardSettings() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (body: HazardSettingsInput) => hazardsApi.saveSettings(body), onSettled: () => queryClient.invalidateQueries({ queryKey: hazardKeys.all }) });
}
