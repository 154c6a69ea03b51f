import { useCursorList } from '../../../app/api/useCursorList';
import { unitKeys, unitsApi } from './units.api';

export function useUnits() {
  return useCursorList(unitKeys.list, unitsApi.list);
}
