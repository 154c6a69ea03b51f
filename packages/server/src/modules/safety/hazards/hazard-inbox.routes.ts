import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HazardInbox, HazardInboxQuery } from './hazard-inbox.schema.js';
import { HazardInboxService } from './hazard-inbox.service.js';
import { HazardSettingsService } from './hazard-settings.service.js';

export const hazardInboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new HazardInboxService(new HazardSettingsService(app.services.audit, app.services.db.kysely));

  app.get(
    '/hazards/inbox',
    {
      config: { permission: 'hazards:read' },
      schema: {
        tags: ['hazards'],
        summary: '我的待办: hazards waiting on you — to rectify (enterprise officers), to hand over or decide (regulators), to accept, and overdue in your ground — each with its count',
        querystring: HazardInboxQuery,
        response: { 200: HazardInbox },
      },
    },
    (request) => service.get(request.ctx, request.query),
  );
};
