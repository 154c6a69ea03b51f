import { useQuery } from '@tanstack/react-query';
import { personKeys, personsApi } from './persons.api';

export function usePerson(id: string) {
  return useQuery({ queryKey: personKeys.detail(id), queryFn: () => personsApi.get(id) });
}
