import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HazardSettings, HazardSettingsQuery, PutHazardSettingsBody } from './hazard-settings.schema.js';
import { HazardSettingsService } from './hazard-settings.service.js';

export const hazardSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new HazardSettingsService(app.services.audit, app.services.db.kysely);
  const tags = ['hazards'];

  app.get('/safety/hazard-settings', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'The hazard time limits in force at a region (escalation to the city, acceptance wait, 挂牌督办 limits): the nearest province or city setting, else the documented defaults', querystring: HazardSettingsQuery, response: { 200: HazardSettings } } }, (request) =>
    service.get(request.ctx, request.query),
  );

  app.put('/safety/hazard-settings', { config: { permission: 'hazards:manage' }, schema: { tags, summary: 'Set the hazard time limits of a province or city in your ground (regulators); carries the version read (0 over the defaults). They apply to escalations, acceptance requests and listings from then on', body: PutHazardSettingsBody, response: { 200: HazardSettings } } }, (request) =>
    service.put(request.ctx, request.body),
  );
};
