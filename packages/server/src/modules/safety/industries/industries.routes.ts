import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { INDUSTRIES } from './industries.data.js';
import { IndustryList, IndustrySupervision, PutIndustrySupervisionBody } from './industry-supervision.schema.js';
import { IndustrySupervisionService } from './industry-supervision.service.js';

export const industriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new IndustrySupervisionService(app.services.audit, app.services.db.kysely);
  const tags = ['three musts'];

  app.get('/safety/industries', { config: { permission: 'enterprises:read' }, schema: { tags, summary: 'GB/T 4754-2017 industry codes the register takes', response: { 200: IndustryList } } }, async () => ({ items: INDUSTRIES.map((industry) => ({ industryCode: industry.code, name: industry.name })) }));

  app.get('/safety/industry-supervision', { config: { permission: 'enterprises:read' }, schema: { tags, summary: 'Industry → supervising departments (管行业必须管安全)', response: { 200: IndustrySupervision } } }, (request) =>
    service.get(request.ctx),
  );

  app.put(
    '/safety/industry-supervision',
    { config: { permission: 'enterprises:manage' }, schema: { tags, summary: 'Replace the mapping; carries the version read; only links of departments in your ground may change', body: PutIndustrySupervisionBody, response: { 200: IndustrySupervision } } },
    (request) => service.put(request.ctx, request.body),
  );
};
