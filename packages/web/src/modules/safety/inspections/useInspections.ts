import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCursorList } from '../../../app/api/useCursorList';
import { hazardKeys } from '../hazards/hazards.api';
import { inspectionKeys, inspectionsApi } from './inspections.api';
import type { InspectionFilter, InspectionInput } from './inspections.types';

export function useChecklistTemplates() {
  return useQuery({ queryKey: inspectionKeys.templates, queryFn: inspectionsApi.templates, staleTime: Infinity });
}

export function useInspections(filter: InspectionFilter) {
  return useCursorList(inspectionKeys.list(filter), (cursor) => inspectionsApi.list(filter, cursor));
}

export function useInspection(id: string) {
  return useQuery({ queryKey: inspectionKeys.detail(id), queryFn: () => inspectionsApi.get(id) });
}

export function useRecordInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InspectionInput) => inspectionsApi.create(input),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: inspectionKeys.all }), queryClient.invalidateQueries({ queryKey: hazardKeys.all })]),
  });
}

export function useItemToHazard(inspectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => inspectionsApi.itemToHazard(inspectionId, number),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: inspectionKeys.all }), queryClient.invalidateQueries({ queryKey: hazardKeys.all })]),
  });
}
