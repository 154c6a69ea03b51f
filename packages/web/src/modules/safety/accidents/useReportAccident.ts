import { useMutation, useQueryClient } from '@tanstack/react-query';
import { accidentKeys, accidentsApi } from './accidents.api';
import type { AccidentReport } from './accidents.types';

export function useReportAccident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccidentReport) => accidentsApi.report(body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accidentKeys.all }),
  });
}
