import { useCursorList } from '../../../app/api/useCursorList';
import { personKeys, personsApi } from './persons.api';
import type { PersonFilter } from './persons.types';

export function usePersons(filter: PersonFilter) {
  return useCursorList(personKeys.list(filter), (cursor) => personsApi.list(filter, cursor));
}
