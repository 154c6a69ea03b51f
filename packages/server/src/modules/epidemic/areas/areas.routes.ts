import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AreaLevel, AreaLevelList, AreaLevelQuery, NextLevel, NextLevelParams, NextLevelQuery, SetAreaLevelBody } from './areas.schema.js';
import { AreasService } from './areas.service.js';
import { CreatePlaceBody, NamedPlace, NamedPlaceList, PlaceQuery } from './places.schema.js';
import { PlacesService } from './places.service.js';

export const areasRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit } = app.services;
  const service = new AreasService(audit);
  const places = new PlacesService(audit);
  const tags = ['area risk'];

  app.get(
    '/areas/risk',
    {
      config: { permission: 'persons:read' },
      schema: { tags, summary: 'Risk-level designations in force on a day (today by default) in your ground, each with its level after the automatic step-downs', querystring: AreaLevelQuery, response: { 200: AreaLevelList } },
    },
    (request) => service.list(request.ctx, request.query),
  );

  app.get(
    '/areas/risk/:regionCode/next',
    {
      config: { permission: 'persons:read' },
      schema: { tags, summary: "The region's level on a day and its next step-down by the edition in force (nextAreaLevel), from the last new infection reported in it", params: NextLevelParams, querystring: NextLevelQuery, response: { 200: NextLevel } },
    },
    (request) => service.next(request.ctx, request.params.regionCode, request.query.date),
  );

  app.post(
    '/areas/risk',
    {
      config: { permission: 'epidemic:policy' },
      schema: { tags, summary: "Designate a region's risk level from a day, under the rules of the policy edition in force (a level the edition does not designate is refused)", body: SetAreaLevelBody, response: { 201: AreaLevel } },
    },
    async (request, reply) => reply.status(201).send(await service.set(request.ctx, request.body)),
  );

  app.get(
    '/places',
    { config: { permission: 'persons:read' }, schema: { tags, summary: 'Named places (buildings, markets…) in your ground that can be designated risk areas and named in itineraries', querystring: PlaceQuery, response: { 200: NamedPlaceList } } },
    (request) => places.list(request.ctx, request.query),
  );

  app.post(
    '/places',
    { config: { permission: 'epidemic:policy' }, schema: { tags, summary: 'Register a named place inside a community of your ground (the name is unique in the community)', body: CreatePlaceBody, response: { 201: NamedPlace } } },
    async (request, reply) => reply.status(201).send(await places.create(request.ctx, request.body)),
  );
};
