import type { RouteObject } from 'react-router';
import type { NavGroup } from '../../app/layout/navigation';

/** Pages of the safety capability, mounted inside the signed-in layout. */
export const safetyRoutes: RouteObject[] = [];

/** The safety capability's group in the side menu. */
export const safetyNavigation: NavGroup[] = [];
