import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { hazardServices } from '../hazards/hazards.service.js';
import { HazardDetail } from '../hazards/hazards.schema.js';
import { ChecklistTemplateList, CreateInspectionBody, Inspection, InspectionItemParams, InspectionList, InspectionListQuery, InspectionParams, ItemHazardBody } from './inspections.schema.js';
import { InspectionsService } from './inspections.service.js';

export const inspectionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { hazards, enterprises } = hazardServices(app.services);
  const service = new InspectionsService(app.services.audit, enterprises, hazards, new CampaignsService(app.services.audit, app.services.db.kysely));
  const tags = ['inspections'];

  app.get('/safety/checklist-templates', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'The checklist templates (served from the domain rules) and the grade a failed item gives', response: { 200: ChecklistTemplateList } } }, () =>
    service.templates(),
  );

  app.get('/inspections', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'Inspections in your ground, latest first', querystring: InspectionListQuery, response: { 200: InspectionList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.get('/inspections/:id', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'One inspection with its item results and the hazards they became', params: InspectionParams, response: { 200: Inspection } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post(
    '/inspections',
    {
      config: { permission: 'hazards:manage' },
      schema: {
        tags,
        summary: 'Record an inspection: a regulator inspection (regulators) or a self-inspection (the enterprise’s safety officer, or a regulator for it); createHazards turns every failed item into a hazard',
        body: CreateInspectionBody,
        response: { 201: Inspection },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.post(
    '/inspections/:id/items/:number/hazard',
    { config: { permission: 'hazards:manage' }, schema: { tags, summary: 'Turn a failed item into a hazard; its grade follows the template (an item of the 2017 criteria is major)', params: InspectionItemParams, body: ItemHazardBody, response: { 201: HazardDetail } } },
    async (request, reply) => reply.status(201).send(await service.itemToHazard(request.ctx, request.params.id, request.params.number, request.body)),
  );
};
