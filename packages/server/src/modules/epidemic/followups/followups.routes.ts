import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemBody } from '../../../http/problem.js';
import { PersonsDirectory } from '../persons/persons.directory.js';
import { AlertsService } from './alerts.service.js';
import {
  AlertList,
  AlertQuery,
  Followup,
  FollowupList,
  FollowupsToday,
  MissedFollowups,
  MissedQuery,
  PersonParams,
  RecordFollowupBody,
  ReleaseBody,
  ReleaseResult,
  TodayQuery,
} from './followups.schema.js';
import { FollowupsService, ReleaseRefusedError } from './followups.service.js';

export const followupsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, crypto } = app.services;
  const directory = new PersonsDirectory(audit, crypto);
  const alerts = new AlertsService(audit, crypto, directory);
  const service = new FollowupsService(audit, crypto, directory, alerts);
  const tags = ['follow-ups'];

  // A refused release says why, by the codes of the domain's release check.
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ReleaseRefusedError) {
      return reply.status(422).type('application/problem+json').send({ ...problemBody('release_refused', request.url.split('?')[0] ?? ''), reasons: error.reasons });
    }
    throw error;
  });

  app.get(
    '/followups/today',
    {
      config: { permission: 'persons:read' },
      schema: { tags, summary: "The grid's list for a day (today by default): follow-ups due, releases due with the release check, and yesterday's misses", querystring: TodayQuery, response: { 200: FollowupsToday } },
    },
    (request) => service.today(request.ctx, request.query),
  );

  app.get(
    '/followups/missed',
    {
      config: { permission: 'persons:read' },
      schema: { tags, summary: 'Missed follow-ups of a day (yesterday by default) per child region, escalated community → town → district', querystring: MissedQuery, response: { 200: MissedFollowups } },
    },
    (request) => service.missed(request.ctx, request.query),
  );

  app.get(
    '/persons/:id/followups',
    { config: { permission: 'persons:read' }, schema: { tags, summary: "The person's follow-ups, newest first", params: PersonParams, response: { 200: FollowupList } } },
    (request) => service.ofPerson(request.ctx, request.params.id),
  );

  app.post(
    '/persons/:id/followups',
    { config: { permission: 'followups:write' }, schema: { tags, summary: 'Record a follow-up: temperature, symptoms, test taken and result (health data is encrypted at rest)', params: PersonParams, body: RecordFollowupBody, response: { 201: Followup } } },
    async (request, reply) => reply.status(201).send(await service.record(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/persons/:id/release',
    {
      config: { permission: 'followups:write' },
      schema: {
        tags,
        summary: "Release the person from their measures when the release check of the plan's edition allows it today (422 release_refused with reasons otherwise); carries the person's version",
        params: PersonParams,
        body: ReleaseBody,
        response: { 200: ReleaseResult },
      },
    },
    (request) => service.release(request.ctx, request.params.id, request.body.version),
  );

  app.get('/alerts', { config: { permission: 'persons:read' }, schema: { tags, summary: 'Alerts to the grids of your ground, newest first', querystring: AlertQuery, response: { 200: AlertList } } }, (request) =>
    alerts.list(request.ctx, request.query),
  );

  app.post(
    '/alerts/:id/acknowledge',
    { config: { permission: 'followups:write' }, schema: { tags, summary: 'Acknowledge an alert: the grid has acted on it', params: PersonParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await alerts.acknowledge(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
