import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccidentsService } from '../accidents/accidents.service.js';
import { enterpriseDirectory } from '../accidents/enterprise-directory.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { hazardServices } from '../hazards/hazards.service.js';
import { IndustrySupervisionService } from '../industries/industry-supervision.service.js';
import { ChainService } from '../responsibility/chain.service.js';
import { AccountabilityRecordDetail, CandidateList, CandidateQuery, CreateRecordBody, RecordListQuery, RecordPage, RecordParams, UpdateRecordBody } from './accountability.schema.js';
import { AccountabilityService } from './accountability.service.js';
import { AccountabilityTriggers } from './accountability.triggers.js';
import { CandidatesService } from './candidates.service.js';

/** Accountability (失职追责): candidates with their evidence, and the records a person decides. */
export const accountabilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, crypto, db } = app.services;
  const enterprises = new EnterprisesService(audit, crypto, db.kysely, new IndustrySupervisionService(audit, db.kysely));
  const { hazards } = hazardServices(app.services);
  const accidents = new AccidentsService(audit, enterpriseDirectory(enterprises));
  const triggers = new AccountabilityTriggers(hazards, accidents, new ChainService(enterprises, db.kysely, crypto));
  const candidates = new CandidatesService(hazards, accidents, triggers, app.config.accountabilityOverdueDays);
  const service = new AccountabilityService(audit, triggers);
  const tags = ['accountability'];
  const read = { permission: 'accountability:read' } as const;
  const decide = { permission: 'accountability:decide' } as const;

  app.get(
    '/safety/accountability/candidates',
    {
      config: read,
      schema: { tags, summary: 'Accountability candidates in your ground: major hazards overdue beyond overdueDays, late or overdue accident reports; each with its evidence pack and who the chain names; decided ones are left out', querystring: CandidateQuery, response: { 200: CandidateList } },
    },
    (request) => candidates.list(request.ctx, request.query),
  );
  app.get('/safety/accountability/records', { config: read, schema: { tags, summary: 'Accountability records in your ground, newest first', querystring: RecordListQuery, response: { 200: RecordPage } } }, (request) =>
    service.list(request.ctx, request.query),
  );
  app.get('/safety/accountability/records/:id', { config: read, schema: { tags, summary: 'One record with the evidence pack kept when it was made', params: RecordParams, response: { 200: AccountabilityRecordDetail } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );
  app.post(
    '/safety/accountability/records',
    { config: decide, schema: { tags, summary: 'Record a decision (or open an investigation) on a candidate or another matter; the evidence is kept with it', body: CreateRecordBody, response: { 201: AccountabilityRecordDetail } } },
    async (request, reply) => reply.status(201).send(await service.create(request.ctx, request.body)),
  );
  app.patch(
    '/safety/accountability/records/:id',
    { config: decide, schema: { tags, summary: 'Move a record on (decided, dismissed, executed, revoked) or correct it; carries the version read', params: RecordParams, body: UpdateRecordBody, response: { 200: AccountabilityRecordDetail } } },
    (request) => service.update(request.ctx, request.params.id, request.body),
  );
};
