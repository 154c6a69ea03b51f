import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CampaignProgressService } from './campaign-progress.service.js';
import { Campaign, CampaignList, CampaignListQuery, CampaignParams, CampaignProgress, CreateCampaignBody, ProgressQuery, ScopedEnterpriseList, ScopedEnterpriseQuery, UpdateCampaignBody } from './campaigns.schema.js';
import { CampaignsService } from './campaigns.service.js';

export const campaignsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new CampaignsService(app.services.audit, app.services.db.kysely);
  const progress = new CampaignProgressService(service);
  const tags = ['special rectification campaigns'];

  app.get('/campaigns', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'Campaigns organised in your ground or above it, latest start first', querystring: CampaignListQuery, response: { 200: CampaignList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.get('/campaigns/:id', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'One campaign: scope, period, checklist and targets', params: CampaignParams, response: { 200: Campaign } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post('/campaigns', { config: { permission: 'campaigns:manage' }, schema: { tags, summary: 'Organise a campaign at a region of your ground', body: CreateCampaignBody, response: { 201: Campaign } } }, async (request, reply) =>
    reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.patch('/campaigns/:id', { config: { permission: 'campaigns:manage' }, schema: { tags, summary: 'Change a campaign your ground organises; carries the version read', params: CampaignParams, body: UpdateCampaignBody, response: { 200: Campaign } } }, (request) =>
    service.update(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/campaigns/:id/progress',
    { config: { permission: 'hazards:read' }, schema: { tags, summary: 'Progress of a region and of each child region, counted within your ground: enterprises inspected of those in scope, hazards found, closed and overdue, against the targets', params: CampaignParams, querystring: ProgressQuery, response: { 200: CampaignProgress } } },
    (request) => progress.progress(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/campaigns/:id/enterprises',
    { config: { permission: 'hazards:read' }, schema: { tags, summary: 'The enterprises of your ground in the campaign’s scope, by name, with the campaign’s latest regulator inspection and hazards of each', params: CampaignParams, querystring: ScopedEnterpriseQuery, response: { 200: ScopedEnterpriseList } } },
    (request) => progress.enterprises(request.ctx, request.params.id, request.query),
  );
};
