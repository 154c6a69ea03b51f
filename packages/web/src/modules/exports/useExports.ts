import { useCursorList } from '../../app/api/useCursorList';
import { exportKeys, exportsApi } from './exports.api';
import type { ExportBox } from './exports.types';

export function useExports(box: ExportBox) {
  return useCursorList(exportKeys.box(box), (cursor) => exportsApi.list(box, cursor));
}
