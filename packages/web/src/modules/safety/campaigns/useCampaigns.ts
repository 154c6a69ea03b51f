import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../../../app/api/useCursorList';
import { campaignKeys, campaignsApi } from './campaigns.api';
import type { CampaignFilter, CampaignInput, CampaignPatch } from './campaigns.types';

export function useCampaigns(filter: CampaignFilter) {
  return useCursorList(campaignKeys.list(filter), (cursor) => campaignsApi.list(filter, cursor));
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => campaignsApi.get(id) });
}

export function useCampaignProgress(id: string, regionCode: string | undefined) {
  return useQuery({ queryKey: campaignKeys.progress(id, regionCode), queryFn: () => campaignsApi.progress(id, regionCode) });
}

export function useScopedEnterprises(id: string, regionCode: string | undefined, inspected: boolean | undefined) {
  return useCursorList(campaignKeys.enterprises(id, regionCode, inspected), (cursor) => campaignsApi.enterprises(id, regionCode, inspected, cursor));
}

export function useSaveCampaign(id?: string) {
  const queryClient = useQueryClient();
  const settled = () => queryClient.invalidateQueries({ queryKey: campaignKeys.all });
  return {
    create: useMutation({ mutationFn: (input: CampaignInput) => campaignsApi.create(input), onSettled: settled }),
    update: useMutation({ mutationFn: (patch: CampaignPatch) => campaignsApi.update(id!, patch), onSettled: settled }),
  };
}
