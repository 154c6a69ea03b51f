import type { RouteObject } from 'react-router';
import type { NavGroup } from '../../app/layout/navigation';

/** Pages of the epidemic capability, mounted inside the signed-in layout. */
export const epidemicRoutes: RouteObject[] = [];

/** The epidemic capability's group in the side menu. */
export const epidemicNavigation: NavGroup[] = [];
