import { useMutation, useQueryClient } from '@tanstack/react-query';
import { accidentKeys } from './accidents.api';
import type { AccidentDetail } from './accidents.types';

/** A write on one accident whose answer is the accident as it now stands. */
export function useAccidentAction<Input>(id: string, action: (input: Input) => Promise<AccidentDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (accident) => queryClient.setQueryData(accidentKeys.detail(id), accident),
    onSettled: () => queryClient.invalidateQueries({ queryKey: accidentKeys.all }),
  });
}
