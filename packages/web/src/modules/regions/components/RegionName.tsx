import { useRegion } from '../hooks/useRegion';
import { useRegionTitle } from '../hooks/useRegionTitle';

/** A region code shown as "name (code)"; the bare code while loading or when out of reach. */
export function RegionName({ code }: { code: string }) {
  const region = useRegion(code);
  const title = useRegionTitle();
  return <>{region.data ? title(region.data) : code}</>;
}
