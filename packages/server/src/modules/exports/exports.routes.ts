import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendExportFile } from './exports.reply.js';
import { DecisionBody, ExportList, ExportListQuery, ExportParams, ExportRequest } from './exports.schema.js';

/**
 * The exports page: one's own exports and requests, the requests of others that wait for one's
 * approval, the decisions, and the one download of an approved request. Lists start their exports
 * from their own routes (e.g. POST /persons/export) through `app.services.exports`.
 */
export const exportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = app.services.exports;
  const tags = ['exports'];

  app.get('/exports', { config: { permission: 'data:export' }, schema: { tags, summary: 'My exports, or the requests waiting for my approval (box=to_approve), or those I decided (box=decided)', querystring: ExportListQuery, response: { 200: ExportList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.get('/exports/:id', { config: { permission: 'data:export' }, schema: { tags, summary: 'One export request: mine, or one in my ground that I may approve', params: ExportParams, response: { 200: ExportRequest } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post(
    '/exports/:id/approve',
    { config: { permission: 'exports:approve' }, schema: { tags, summary: "Approve another official's pending export with a reason; it is then downloadable once within the window", params: ExportParams, body: DecisionBody, response: { 200: ExportRequest } } },
    (request) => service.decide(request.ctx, request.params.id, request.body, 'approved'),
  );

  app.post(
    '/exports/:id/reject',
    { config: { permission: 'exports:approve' }, schema: { tags, summary: "Reject another official's pending export with a reason", params: ExportParams, body: DecisionBody, response: { 200: ExportRequest } } },
    (request) => service.decide(request.ctx, request.params.id, request.body, 'rejected'),
  );

  app.post(
    '/exports/:id/download',
    {
      // The file must never be stored for an idempotent replay: a second copy would escape the audit.
      config: { permission: 'data:export', idempotent: false },
      schema: { tags, summary: 'The file of my approved export, once (then 410); produced now from my ground, watermarked and audited', params: ExportParams },
    },
    async (request, reply) => sendExportFile(reply, await service.download(request.ctx, request.params.id)),
  );
};
