import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AreasService } from '../areas/areas.service.js';
import { Dashboard, DashboardQuery } from './dashboard.schema.js';
import { DashboardService } from './dashboard.service.js';

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new DashboardService(new AreasService(app.services.audit));

  app.get(
    '/epidemic/dashboard',
    {
      config: { permission: 'persons:read' },
      schema: {
        tags: ['epidemic dashboard'],
        summary: 'Today’s epidemic figures of your ground (or of a region in it): by category, measure and area, new per day, follow-ups, releases, travel checks, risk areas; summed from maintained counters',
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    (request) => service.overview(request.ctx, request.query),
  );
};
