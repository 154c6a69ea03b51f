import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AreasService } from '../areas/areas.service.js';
import { AlertsService } from '../followups/alerts.service.js';
import { PersonsDirectory } from '../persons/persons.directory.js';
import { CheckpointTokensService } from './checkpoint-tokens.service.js';
import {
  ArrivalList,
  ArrivalListQuery,
  ArrivalResult,
  Checkpoint,
  CheckpointList,
  CheckpointParams,
  CheckpointToken,
  CheckpointTokenList,
  CreateCheckpointBody,
  IssuedCheckpointToken,
  IssueTokenBody,
  RegisterArrivalBody,
  TokenParams,
} from './checkpoints.schema.js';
import { CheckpointsService } from './checkpoints.service.js';

export const checkpointsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, crypto, db } = app.services;
  const directory = new PersonsDirectory(audit, crypto);
  const service = new CheckpointsService(audit, crypto, directory, new AlertsService(audit, crypto, directory), new AreasService(audit), db.kysely);
  const tokens = new CheckpointTokensService(audit);
  const tags = ['checkpoints'];

  app.get('/checkpoints', { config: { permission: 'persons:read' }, schema: { tags, summary: 'Checkpoints in your ground', response: { 200: CheckpointList } } }, (request) => service.list(request.ctx));

  app.post(
    '/checkpoints',
    { config: { permission: 'epidemic:policy' }, schema: { tags, summary: 'Add a checkpoint (airport, station, port, highway exit)', body: CreateCheckpointBody, response: { 201: Checkpoint } } },
    async (request, reply) => reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.get(
    '/checkpoints/:id/arrivals',
    { config: { permission: 'persons:read', fields: { read: [['person', 'items.*.person']] } }, schema: { tags, summary: 'Arrivals registered at the checkpoint, newest first', params: CheckpointParams, querystring: ArrivalListQuery, response: { 200: ArrivalList } } },
    (request) => service.arrivals(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/checkpoints/:id/arrivals',
    {
      config: { permission: 'persons:manage', fields: { read: [['person', 'person']] } },
      schema: {
        tags,
        summary: 'Register an arrival: from a key area the person is registered as such; a key-area arrival or a listed person alerts the grid',
        params: CheckpointParams,
        body: RegisterArrivalBody,
        response: { 201: ArrivalResult },
      },
    },
    async (request, reply) => reply.status(201).send(await service.registerArrival(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/checkpoints/:id/tokens',
    { config: { permission: 'checkpoints:manage' }, schema: { tags, summary: "The API tokens of the checkpoint's gate devices (never the tokens themselves)", params: CheckpointParams, response: { 200: CheckpointTokenList } } },
    (request) => tokens.list(request.ctx, request.params.id),
  );

  app.post(
    '/checkpoints/:id/tokens',
    {
      // The token is shown once: an answer kept for replay would show it again.
      config: { permission: 'checkpoints:manage', idempotent: false },
      schema: { tags, summary: 'Issue an API token for a gate device of the checkpoint: it may call POST /travel-checks for this checkpoint and nothing else; shown once', params: CheckpointParams, body: IssueTokenBody, response: { 201: IssuedCheckpointToken } },
    },
    async (request, reply) => reply.status(201).send(await tokens.issue(request.ctx, request.params.id, request.body.name)),
  );

  app.post(
    '/checkpoints/:id/tokens/:tokenId/revoke',
    { config: { permission: 'checkpoints:manage' }, schema: { tags, summary: 'Revoke a gate device token: it is refused from the next request on', params: TokenParams, response: { 200: CheckpointToken } } },
    (request) => tokens.revoke(request.ctx, request.params.id, request.params.tokenId),
  );
};
