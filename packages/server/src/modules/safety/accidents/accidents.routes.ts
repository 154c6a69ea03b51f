import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { IndustrySupervisionService } from '../industries/industry-supervision.service.js';
import { AccidentObligationsService } from './accident-obligations.service.js';
import {
  AccidentTarget,
  CreateTargetBody,
  DoubleDecreaseQuery,
  DoubleDecreaseReport,
  TargetList,
  TargetListQuery,
  TargetParams,
  UpdateTargetBody,
} from './accident-statistics.schema.js';
import { AccidentStatisticsService } from './accident-statistics.service.js';
import { AccidentTargetsService } from './accident-targets.service.js';
import {
  AccidentDetail,
  AccidentList,
  AccidentListQuery,
  AccidentParams,
  CreateAccidentBody,
  InvestigationExtensionBody,
  InvestigationReportBody,
  LevelReportBody,
  ObligationList,
  ObligationsQuery,
  ReplyBody,
  ReviseAccidentBody,
} from './accidents.schema.js';
import { AccidentsService } from './accidents.service.js';
import { enterpriseDirectory } from './enterprise-directory.js';

export const accidentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, crypto, db } = app.services;
  const enterprises = new EnterprisesService(audit, crypto, db.kysely, new IndustrySupervisionService(audit, db.kysely));
  const service = new AccidentsService(audit, enterpriseDirectory(enterprises));
  const obligations = new AccidentObligationsService();
  const statistics = new AccidentStatisticsService();
  const targets = new AccidentTargetsService(audit);
  const tags = ['accidents'];
  const read = { permission: 'accidents:read' } as const;
  const report = { permission: 'accidents:report' } as const;

  app.get('/accidents', { config: read, schema: { tags, summary: 'Accidents in your ground, newest first; filter by period (days in China), grade, region subtree and type', querystring: AccidentListQuery, response: { 200: AccidentList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.get('/accidents/:id', { config: read, schema: { tags, summary: 'One accident with its reporting clock, revisions, investigation and reply deadlines', params: AccidentParams, response: { 200: AccidentDetail } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post(
    '/accidents',
    { config: report, schema: { tags, summary: 'Report an accident; the grade is computed (Order 493 art. 3)', body: CreateAccidentBody, response: { 201: AccidentDetail } } },
    async (request, reply) => reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.post(
    '/accidents/:id/revisions',
    {
      config: report,
      schema: { tags, summary: 'Supplementary report (续报/补报) of changed figures within 30 days (7 for road traffic and fire); may change the grade; 422 supplementary_window_closed after it; carries the version read', params: AccidentParams, body: ReviseAccidentBody, response: { 201: AccidentDetail } },
    },
    async (request, reply) => reply.status(201).send(await service.revise(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/accidents/:id/level-reports',
    { config: report, schema: { tags, summary: "Record when a regulator level received the report (only levels the grade requires); lateness follows from the clock", params: AccidentParams, body: LevelReportBody, response: { 201: AccidentDetail } } },
    async (request, reply) => reply.status(201).send(await service.reportToLevel(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/accidents/:id/investigation-extension',
    { config: report, schema: { tags, summary: 'Extend the investigation deadline with the approval recorded (at most 60 days in all, art. 29)', params: AccidentParams, body: InvestigationExtensionBody, response: { 201: AccidentDetail } } },
    async (request, reply) => reply.status(201).send(await service.extendInvestigation(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/accidents/:id/investigation-report',
    { config: report, schema: { tags, summary: "Record when the investigation report was submitted; starts the government's reply clock (art. 32)", params: AccidentParams, body: InvestigationReportBody, response: { 200: AccidentDetail } } },
    (request) => service.submitInvestigation(request.ctx, request.params.id, request.body.submittedAt),
  );

  app.post(
    '/accidents/:id/reply',
    { config: report, schema: { tags, summary: "Record the government's reply (批复) to the investigation report", params: AccidentParams, body: ReplyBody, response: { 200: AccidentDetail } } },
    (request) => service.recordReply(request.ctx, request.params.id, request.body.repliedAt),
  );

  app.get(
    '/safety/accident-obligations',
    { config: read, schema: { tags, summary: 'Accident inbox: level reports, escalations, investigations and replies overdue or due soon in your ground', querystring: ObligationsQuery, response: { 200: ObligationList } } },
    (request) => obligations.list(request.ctx, request.query),
  );

  app.get(
    '/safety/double-decrease',
    {
      config: read,
      schema: { tags, summary: 'Double decrease (双下降): accidents and deaths against the same period of last year, target, monthly series and ranking; asOf reproduces the figures known on that day', querystring: DoubleDecreaseQuery, response: { 200: DoubleDecreaseReport } },
    },
    (request) => statistics.doubleDecrease(request.ctx, request.query),
  );

  app.get('/safety/accident-targets', { config: read, schema: { tags, summary: 'Yearly accident and death targets in your ground', querystring: TargetListQuery, response: { 200: TargetList } } }, (request) =>
    targets.list(request.ctx, request.query),
  );

  app.post(
    '/safety/accident-targets',
    { config: report, schema: { tags, summary: 'Set the yearly target of a city or county-level region (optionally one industry)', body: CreateTargetBody, response: { 201: AccidentTarget } } },
    async (request, reply) => reply.status(201).send(await targets.create(request.ctx, request.body)),
  );

  app.patch(
    '/safety/accident-targets/:id',
    { config: report, schema: { tags, summary: 'Change a target; carries the version read', params: TargetParams, body: UpdateTargetBody, response: { 200: AccidentTarget } } },
    (request) => targets.update(request.ctx, request.params.id, request.body),
  );
};
