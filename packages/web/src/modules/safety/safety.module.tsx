import type { RouteObject } from 'react-router';
import type { NavGroup } from '../../app/layout/navigation';
import { accidentsNavItems, accidentsRoutes } from './accidents/accidents.routes';
import { coverageNavItems, coverageRoutes } from './coverage/coverage.routes';
import { enterprisesNavItems, enterprisesRoutes } from './enterprises/enterprises.routes';
import { hazardInboxNavItems, hazardsNavItems, hazardsRoutes } from './hazards/hazards.routes';
import { inspectionsNavItems, inspectionsRoutes } from './inspections/inspections.routes';
import { risksNavItems, risksRoutes } from './risks/risks.routes';
import { campaignsNavItems, campaignsRoutes } from './campaigns/campaigns.routes';
import { enforcementNavItems, enforcementRoutes } from './enforcement/enforcement.routes';
import { trainingNavItems, trainingRoutes } from './training/training.routes';
import { responsibilityNavItems, responsibilityRoutes } from './responsibility/responsibility.routes';
import { accountabilityNavItems, accountabilityRoutes } from './accountability/accountability.routes';

/** Pages of the safety capability, mounted inside the signed-in layout. */
export const safetyRoutes: RouteObject[] = [...enterprisesRoutes, ...coverageRoutes, ...risksRoutes, ...inspectionsRoutes, ...hazardsRoutes, ...campaignsRoutes, ...enforcementRoutes, ...accidentsRoutes, ...responsibilityRoutes, ...accountabilityRoutes, ...trainingRoutes];

/** The safety capability's group in the side menu. */
export const safetyNavigation: NavGroup[] = [{ key: 'safety', labelKey: 'accidents.nav.group', items: [...hazardInboxNavItems, ...enterprisesNavItems, ...coverageNavItems, ...risksNavItems, ...inspectionsNavItems, ...hazardsNavItems, ...campaignsNavItems, ...enforcementNavItems, ...accidentsNavItems, ...responsibilityNavItems, ...accountabilityNavItems, ...trainingNavItems] }];
