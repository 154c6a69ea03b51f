import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateUnitBody, Unit, UnitList, UnitListQuery, UnitParams, UpdateUnitBody } from './units.schema.js';
import { UnitsService } from './units.service.js';

export const unitsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new UnitsService(app.services.audit);
  const tags = ['units'];

  app.get('/units', { config: { permission: 'units:read' }, schema: { tags, summary: 'Departments and functional zones in your ground', querystring: UnitListQuery, response: { 200: UnitList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.get('/units/:id', { config: { permission: 'units:read' }, schema: { tags, summary: 'One unit', params: UnitParams, response: { 200: Unit } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post('/units', { config: { permission: 'units:manage' }, schema: { tags, summary: 'Create a department or functional zone', body: CreateUnitBody, response: { 201: Unit } } }, async (request, reply) =>
    reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.patch('/units/:id', { config: { permission: 'units:manage' }, schema: { tags, summary: 'Change a unit; carries the version read', params: UnitParams, body: UpdateUnitBody, response: { 200: Unit } } }, (request) =>
    service.update(request.ctx, request.params.id, request.body),
  );
};
