import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hazardServices } from '../hazards/hazards.service.js';
import { CreateEnforcementBody, EnforcementCase, EnforcementList, EnforcementListQuery, EnforcementParams, UpdateEnforcementBody } from './enforcement.schema.js';
import { EnforcementService } from './enforcement.service.js';

export const enforcementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { enterprises } = hazardServices(app.services);
  const service = new EnforcementService(app.services.audit, enterprises);
  const tags = ['enforcement'];

  app.get('/enforcement-cases', { config: { permission: 'enforcement:read' }, schema: { tags, summary: 'Enforcement cases in your ground (an enterprise officer: their own enterprise’s), newest first', querystring: EnforcementListQuery, response: { 200: EnforcementList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.get('/enforcement-cases/:id', { config: { permission: 'enforcement:read' }, schema: { tags, summary: 'One enforcement case: violations, measures, decision', params: EnforcementParams, response: { 200: EnforcementCase } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post('/enforcement-cases', { config: { permission: 'enforcement:manage' }, schema: { tags, summary: 'Open an enforcement case against an enterprise of your ground, optionally from an inspection and its hazards', body: CreateEnforcementBody, response: { 201: EnforcementCase } } }, async (request, reply) =>
    reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.patch('/enforcement-cases/:id', { config: { permission: 'enforcement:manage' }, schema: { tags, summary: 'Change a case over the version read; its status moves forward only', params: EnforcementParams, body: UpdateEnforcementBody, response: { 200: EnforcementCase } } }, (request) =>
    service.update(request.ctx, request.params.id, request.body),
  );
};
