import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AreasService } from '../areas/areas.service.js';
import { CheckpointsService } from '../checkpoints/checkpoints.service.js';
import { AlertsService } from '../followups/alerts.service.js';
import { PersonsDirectory } from '../persons/persons.directory.js';
import { Denials, DenialsQuery, TravelCheckBody, TravelCheckList, TravelCheckListQuery, TravelCheckResult } from './travel.schema.js';
import { TravelService } from './travel.service.js';

export const travelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, crypto, db } = app.services;
  const directory = new PersonsDirectory(audit, crypto);
  const checkpoints = new CheckpointsService(audit, crypto, directory, new AlertsService(audit, crypto, directory), new AreasService(audit), db.kysely);
  const service = new TravelService(directory, checkpoints, db.kysely);
  const tags = ['travel control'];

  const check = {
    // Every call is a check to log, so a retried request is checked (and logged) again, never replayed.
    config: { permission: 'travel:check' as const, idempotent: false },
    schema: {
      tags,
      summary: 'May this person travel to this destination on this day (today by default)? allow / deny / alert with the rules applied; every check is logged with the keyed hash of the ID number only',
      body: TravelCheckBody,
      response: { 200: TravelCheckResult },
    },
  };
  app.post('/travel/check', check, (request) => service.check(request.ctx, request.body));
  // The name issue #5 gives the check; both answer the same, and gate devices call this one with their token.
  app.post('/travel-checks', { ...check, config: { ...check.config, deviceToken: true } }, (request) => service.check(request.ctx, request.body));

  app.get(
    '/travel-checks',
    { config: { permission: 'persons:read' }, schema: { tags, summary: 'The travel checks made in your ground, newest first (by day and decision); who was checked is not shown', querystring: TravelCheckListQuery, response: { 200: TravelCheckList } } },
    (request) => service.list(request.ctx, request.query),
  );
  app.get(
    '/travel/denials',
    { config: { permission: 'persons:read' }, schema: { tags, summary: 'Travel checks and denials per day in your ground (the last 7 days by default)', querystring: DenialsQuery, response: { 200: Denials } } },
    (request) => service.denials(request.ctx, request.query),
  );
};
