import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Region, RegionList, RegionListQuery, RegionParams } from './regions.schema.js';
import { RegionsService } from './regions.service.js';

export const regionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new RegionsService();

  app.get(
    '/regions',
    {
      config: { permission: 'regions:read' },
      schema: { tags: ['regions'], summary: 'Children of a region, or the roots of your ground', querystring: RegionListQuery, response: { 200: RegionList } },
    },
    async (request) => ({ items: await service.list(request.ctx, request.query.parent) }),
  );

  app.get(
    '/regions/:code',
    {
      config: { permission: 'regions:read' },
      schema: { tags: ['regions'], summary: 'One region inside your ground', params: RegionParams, response: { 200: Region } },
    },
    async (request) => service.get(request.ctx, request.params.code),
  );
};
