import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hazardServices } from '../hazards/hazards.service.js';
import { RiskThresholdsService } from './risk-thresholds.service.js';
import {
  AssessBody,
  CreateRiskPointBody,
  PutThresholdsBody,
  RetireQuery,
  RiskOverview,
  RiskOverviewQuery,
  RiskPointDetail,
  RiskPointList,
  RiskPointListQuery,
  RiskPointParams,
  RiskThresholds,
  ThresholdsQuery,
  UpdateRiskPointBody,
} from './risks.schema.js';
import { RisksService } from './risks.service.js';

export const risksRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, db } = app.services;
  const { enterprises } = hazardServices(app.services);
  const thresholds = new RiskThresholdsService(audit, db.kysely);
  const service = new RisksService(audit, enterprises, thresholds);
  const tags = ['risk graded control'];

  app.get('/risk-points', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'Risk points in service in your ground, newest first; responsible persons masked', querystring: RiskPointListQuery, response: { 200: RiskPointList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.get('/risk-points/:id', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'One risk point with its assessment (level) history', params: RiskPointParams, response: { 200: RiskPointDetail } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post('/risk-points', { config: { permission: 'hazards:manage' }, schema: { tags, summary: 'Record a risk point with its first LS or LEC assessment; the level is computed under the bands in force', body: CreateRiskPointBody, response: { 201: RiskPointDetail } } }, async (request, reply) =>
    reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.patch('/risk-points/:id', { config: { permission: 'hazards:manage' }, schema: { tags, summary: 'Change a risk point’s description; carries the version read', params: RiskPointParams, body: UpdateRiskPointBody, response: { 200: RiskPointDetail } } }, (request) =>
    service.update(request.ctx, request.params.id, request.body),
  );

  app.delete('/risk-points/:id', { config: { permission: 'hazards:manage' }, schema: { tags, summary: 'Retire a risk point (?version=); its level history is kept', params: RiskPointParams, querystring: RetireQuery } }, async (request, reply) => {
    await service.retire(request.ctx, request.params.id, request.query.version);
    return reply.status(204).send();
  });

  app.post('/risk-points/:id/assessments', { config: { permission: 'hazards:manage' }, schema: { tags, summary: 'Assess a risk point again (LS or LEC); the new level applies, the old one stays in the history', params: RiskPointParams, body: AssessBody, response: { 201: RiskPointDetail } } }, async (request, reply) =>
    reply.status(201).send(await service.assess(request.ctx, request.params.id, request.body)),
  );

  app.get('/safety/risk-overview', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'Four-colour counts of a region subtree, of each child region and of the most at-risk enterprises', querystring: RiskOverviewQuery, response: { 200: RiskOverview } } }, (request) =>
    service.overview(request.ctx, request.query),
  );

  app.get('/safety/risk-thresholds', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'The risk bands in force at a region (the nearest province or city setting, else the documented defaults)', querystring: ThresholdsQuery, response: { 200: RiskThresholds } } }, (request) =>
    thresholds.get(request.ctx, request.query),
  );

  app.put('/safety/risk-thresholds', { config: { permission: 'enterprises:manage' }, schema: { tags, summary: 'Set the risk bands of a province or city in your ground, with their source; carries the version read (0 over the defaults)', body: PutThresholdsBody, response: { 200: RiskThresholds } } }, (request) =>
    thresholds.put(request.ctx, request.body),
  );
};
