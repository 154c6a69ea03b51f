import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hazardInboxRoutes } from './hazard-inbox.routes.js';
import { hazardPhotosRoutes } from './hazard-photos.routes.js';
import { hazardSettingsRoutes } from './hazard-settings.routes.js';
import { escalateOverdueHazards } from './hazards.escalation.js';
import { requireEnterpriseSafetyActor } from './hazards.policy.js';
import {
  CreateHazardBody,
  EscalationResult,
  HazardDetail,
  HazardList,
  HazardListQuery,
  HazardOverview,
  HazardParams,
  ListingBody,
  OverviewQuery,
  TransitionBody,
} from './hazards.schema.js';
import { hazardScope, hazardServices } from './hazards.service.js';
import { sendExportOutcome } from '../../exports/exports.reply.js';
import { HazardExportBody, hazardsExportKind } from './hazards.export.js';

export const hazardsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { hazards: service, settings } = hazardServices(app.services);
  const tags = ['hazards'];
  const exportKind = app.services.exports.kinds.register(hazardsExportKind(service));
  await app.register(hazardSettingsRoutes);
  await app.register(hazardInboxRoutes);
  await app.register(hazardPhotosRoutes);

  app.get('/hazards', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'Hazards in your ground, newest found first; filter by status, grade, overdue, enterprise, region', querystring: HazardListQuery, response: { 200: HazardList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.post(
    '/hazards/export',
    {
      // A file is never stored for an idempotent replay: a second copy would escape the audit.
      config: { permission: 'data:export', idempotent: false },
      schema: { tags, summary: 'Export the filtered hazard list as XLSX, CSV or PDF (responsible person masked; watermarked; audited with row count and SHA-256)', body: HazardExportBody },
    },
    async (request, reply) => {
      const { format, unmasked, reason, ...filter } = request.body;
      return sendExportOutcome(reply, await app.services.exports.start(request.ctx, exportKind, filter, { format, ...(unmasked !== undefined ? { unmasked } : {}), ...(reason !== undefined ? { reason } : {}) }));
    },
  );

  app.get('/hazards/:id', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'One hazard with its timeline and the steps you may take now', params: HazardParams, response: { 200: HazardDetail } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post('/hazards', { config: { permission: 'hazards:manage' }, schema: { tags, summary: 'Report a hazard found outside a checklist inspection', body: CreateHazardBody, response: { 201: HazardDetail } } }, async (request, reply) =>
    reply.status(201).send(await service.report(request.ctx, request.body)),
  );

  app.post(
    '/hazards/:id/transitions',
    {
      config: { permission: 'hazards:manage' },
      schema: {
        tags,
        summary: 'Take one step of the closed loop (assign, submit_rectification, accept, send_back, request_extension, approve_extension, reject_extension) over the version read; a step the state machine refuses is 422 with its code',
        params: HazardParams,
        body: TransitionBody,
        response: { 200: HazardDetail },
      },
    },
    (request) => service.transition(request.ctx, request.params.id, request.body),
  );

  app.post('/hazards/:id/listing', { config: { permission: 'hazards:manage' }, schema: { tags, summary: 'List a major hazard for supervision (挂牌督办) by your department; due dates from the listing time limits', params: HazardParams, body: ListingBody, response: { 200: HazardDetail } } }, (request) =>
    service.listForSupervision(request.ctx, request.params.id, request.body),
  );

  app.get('/safety/hazard-overview', { config: { permission: 'hazards:read' }, schema: { tags, summary: 'Open, overdue and open-major hazards of a region subtree and of each child region', querystring: OverviewQuery, response: { 200: HazardOverview } } }, (request) =>
    service.overview(request.ctx, request.query),
  );

  app.post(
    '/safety/hazards/escalate',
    {
      config: { permission: 'hazards:manage' },
      schema: { tags, summary: 'Escalate the overdue hazards of your ground now (county, then city); the scheduled job will call the same function', response: { 200: EscalationResult } },
    },
    async (request) => {
      requireEnterpriseSafetyActor(request.ctx);
      return escalateOverdueHazards(request.ctx.db, app.services.audit, request.ctx, await settings.inForce(), hazardScope(request.ctx));
    },
  );
};
