import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PersonsDirectory } from '../persons/persons.directory.js';
import { ChainGraph, ClusterList, ClusterQuery, PersonParams, RegisterContactBody, RegisterContactResult } from './tracing.schema.js';
import { TracingService } from './tracing.service.js';

export const tracingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, crypto } = app.services;
  const service = new TracingService(audit, crypto, new PersonsDirectory(audit, crypto));
  const tags = ['tracing'];

  app.post(
    '/persons/:id/contacts',
    {
      config: { permission: 'persons:manage', fields: { write: 'person_registration', read: [['person', 'person']] } },
      schema: {
        tags,
        summary: "Register a contact of this person in one step: the contact is found by ID number or registered as a close contact from the exposure day, and the exposure is recorded",
        params: PersonParams,
        body: RegisterContactBody,
        response: { 200: RegisterContactResult, 201: RegisterContactResult },
      },
    },
    async (request, reply) => {
      const result = await service.registerContact(request.ctx, request.params.id, request.body);
      return reply.status(result.exposureCreated ? 201 : 200).send(result);
    },
  );

  app.get(
    '/persons/:id/chain',
    { config: { permission: 'persons:read', fields: { read: [['person', 'nodes.*']] } }, schema: { tags, summary: "The person's chain of transmission: members with generations, exposures, size and growth by day; names masked", params: PersonParams, response: { 200: ChainGraph } } },
    (request) => service.chain(request.ctx, request.params.id),
  );

  app.get(
    '/tracing/clusters',
    { config: { permission: 'persons:read', fields: { read: [['person', 'items.*.indexCase']] } }, schema: { tags, summary: 'Clusters of transmission in your ground (or a region of it), largest first', querystring: ClusterQuery, response: { 200: ClusterList } } },
    (request) => service.clusters(request.ctx, request.query),
  );
};
