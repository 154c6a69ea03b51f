import { useCursorList } from '../../../app/api/useCursorList';
import { accidentKeys, accidentsApi } from './accidents.api';
import type { AccidentFilter } from './accidents.types';

export function useAccidents(filter: AccidentFilter) {
  return useCursorList(accidentKeys.list(filter), (cursor) => accidentsApi.list(filter, cursor));
}
