import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { enterprisesRoutes } from './enterprises/enterprises.routes.js';
import { industriesRoutes } from './industries/industries.routes.js';
import { accidentsRoutes } from './accidents/accidents.routes.js';
import { hazardsRoutes } from './hazards/hazards.routes.js';
import { inspectionsRoutes } from './inspections/inspections.routes.js';
import { risksRoutes } from './risks/risks.routes.js';
import { responsibilityRoutes } from './responsibility/responsibility.routes.js';
import { accountabilityRoutes } from './accountability/accountability.routes.js';
import { trainingRoutes } from './training/training.routes.js';
import { campaignsRoutes } from './campaigns/campaigns.routes.js';
import { enforcementRoutes } from './enforcement/enforcement.routes.js';

/** Routes of the safety capability, mounted under /api/v1. */
export const safetyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(enterprisesRoutes);
  await app.register(industriesRoutes);
  await app.register(accidentsRoutes);
  await app.register(risksRoutes);
  await app.register(inspectionsRoutes);
  await app.register(hazardsRoutes);
  await app.register(responsibilityRoutes);
  await app.register(accountabilityRoutes);
  await app.register(trainingRoutes);
  await app.register(campaignsRoutes);
  await app.register(enforcementRoutes);
};
