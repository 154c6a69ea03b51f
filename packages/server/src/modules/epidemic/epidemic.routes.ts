import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { areasRoutes } from './areas/areas.routes.js';
import { checkpointsRoutes } from './checkpoints/checkpoints.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { followupsRoutes } from './followups/followups.routes.js';
import { personsRoutes } from './persons/persons.routes.js';
import { tracingRoutes } from './tracing/tracing.routes.js';
import { travelRoutes } from './travel/travel.routes.js';

/** Routes of the epidemic capability, mounted under /api/v1. */
export const epidemicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(personsRoutes);
  await app.register(tracingRoutes);
  await app.register(followupsRoutes);
  await app.register(checkpointsRoutes);
  await app.register(travelRoutes);
  await app.register(areasRoutes);
  await app.register(dashboardRoutes);
};
