import { useTranslation } from 'react-i18next';
import type { Region } from '../api/regions.types';

/** How a region is named everywhere in the interface: "name (code)". */
export function useRegionTitle() {
  const { t } = useTranslation();
  return (region: Pick<Region, 'name' | 'code'>) => t('regions.nodeTitle', { name: region.name, code: region.code });
}
