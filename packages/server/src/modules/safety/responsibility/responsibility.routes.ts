import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { IndustrySupervisionService } from '../industries/industry-supervision.service.js';
import { ResponsibilityChain } from './chain.schema.js';
import { ChainService } from './chain.service.js';
import {
  CreateDutyListBody,
  CreateDutyTemplateBody,
  DutyList,
  DutyListPage,
  DutyListQuery,
  DutyTemplate,
  DutyTemplateList,
  IdParams,
  UpdateDutyListBody,
  UpdateDutyTemplateBody,
  VersionQuery,
} from './duty.schema.js';
import { DutyService } from './duty.service.js';
import { CreateLeaderBody, LeaderListQuery, RegionLeader, RegionLeaderPage, UpdateLeaderBody } from './leaders.schema.js';
import { LeadersService } from './leaders.service.js';
import { CreateLetterBody, Letter, LetterListQuery, LetterPage, LetterStatusBody, LetterSummary, LetterSummaryQuery } from './letters.schema.js';
import { LettersService } from './letters.service.js';
import { ResponsibilityUnits } from './responsibility-units.js';

/** The work-safety responsibility system: templates, duty lists, letters, region leaders and each enterprise's chain. */
export const responsibilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, crypto, db } = app.services;
  const enterprises = new EnterprisesService(audit, crypto, db.kysely, new IndustrySupervisionService(audit, db.kysely));
  const units = new ResponsibilityUnits(enterprises);
  const duty = new DutyService(audit, units);
  const letters = new LettersService(audit, units);
  const leaders = new LeadersService(audit, crypto);
  const chain = new ChainService(enterprises, db.kysely, crypto);
  const tags = ['responsibility'];
  const read = { permission: 'responsibility:read' } as const;
  const manage = { permission: 'responsibility:manage' } as const;

  app.get('/safety/duty-templates', { config: read, schema: { tags, summary: 'Duty-list templates: the shipped ones (党政同责, 一岗双责, 全员岗位责任制), as edited here, then those written here', response: { 200: DutyTemplateList } } }, (request) =>
    duty.templates(request.ctx),
  );
  app.get('/safety/duty-templates/:id', { config: read, schema: { tags, summary: 'One duty-list template', params: IdParams, response: { 200: DutyTemplate } } }, (request) => duty.template(request.ctx, request.params.id));
  app.post('/safety/duty-templates', { config: manage, schema: { tags, summary: 'Write a new template (city-level ground only)', body: CreateDutyTemplateBody, response: { 201: DutyTemplate } } }, async (request, reply) =>
    reply.status(201).send(await duty.createTemplate(request.ctx, request.body)),
  );
  app.patch('/safety/duty-templates/:id', { config: manage, schema: { tags, summary: 'Edit a template (city-level ground only); an unedited shipped one is version 1; lists made from it before stay as they are', params: IdParams, body: UpdateDutyTemplateBody, response: { 200: DutyTemplate } } }, (request) =>
    duty.updateTemplate(request.ctx, request.params.id, request.body),
  );

  app.get('/safety/duty-lists', { config: read, schema: { tags, summary: 'Duty lists per unit and post in your ground', querystring: DutyListQuery, response: { 200: DutyListPage } } }, (request) => duty.lists(request.ctx, request.query));
  app.get('/safety/duty-lists/:id', { config: read, schema: { tags, summary: 'One duty list', params: IdParams, response: { 200: DutyList } } }, (request) => duty.list(request.ctx, request.params.id));
  app.post('/safety/duty-lists', { config: manage, schema: { tags, summary: "Make a unit's duty list for a post from a template; one list per post of a unit", body: CreateDutyListBody, response: { 201: DutyList } } }, async (request, reply) =>
    reply.status(201).send(await duty.createList(request.ctx, request.body)),
  );
  app.patch('/safety/duty-lists/:id', { config: manage, schema: { tags, summary: "Edit a duty list's post or items; carries the version read", params: IdParams, body: UpdateDutyListBody, response: { 200: DutyList } } }, (request) =>
    duty.updateList(request.ctx, request.params.id, request.body),
  );
  app.delete('/safety/duty-lists/:id', { config: manage, schema: { tags, summary: 'Remove a duty list; ?version= the version read', params: IdParams, querystring: VersionQuery } }, async (request, reply) => {
    await duty.deleteList(request.ctx, request.params.id, request.query.version);
    return reply.status(204).send();
  });

  app.get('/safety/responsibility-letters', { config: read, schema: { tags, summary: "A year's responsibility letters in your ground (this year by default); status=unsigned lists the units that have not signed", querystring: LetterListQuery, response: { 200: LetterPage } } }, (request) =>
    letters.list(request.ctx, request.query),
  );
  app.get('/safety/responsibility-letters/summary', { config: read, schema: { tags, summary: "Counts of a year's letters by status and the signed rate", querystring: LetterSummaryQuery, response: { 200: LetterSummary } } }, (request) =>
    letters.summary(request.ctx, request.query),
  );
  app.get('/safety/responsibility-letters/:id', { config: read, schema: { tags, summary: 'One responsibility letter', params: IdParams, response: { 200: Letter } } }, (request) => letters.get(request.ctx, request.params.id));
  app.post('/safety/responsibility-letters', { config: manage, schema: { tags, summary: "Issue a unit's letter of a year (pending until signed); one a year per unit", body: CreateLetterBody, response: { 201: Letter } } }, async (request, reply) =>
    reply.status(201).send(await letters.create(request.ctx, request.body)),
  );
  app.patch('/safety/responsibility-letters/:id', { config: manage, schema: { tags, summary: 'Record the signing (day and signer), a return (reason) or a reissue; a signed letter stays signed', params: IdParams, body: LetterStatusBody, response: { 200: Letter } } }, (request) =>
    letters.changeStatus(request.ctx, request.params.id, request.body),
  );

  app.get('/safety/region-leaders', { config: read, schema: { tags, summary: 'Leaders of the regions in your ground and their posts; phones masked', querystring: LeaderListQuery, response: { 200: RegionLeaderPage } } }, (request) =>
    leaders.list(request.ctx, request.query),
  );
  app.get('/safety/region-leaders/:id', { config: read, schema: { tags, summary: 'One region leader', params: IdParams, response: { 200: RegionLeader } } }, (request) => leaders.get(request.ctx, request.params.id));
  app.post('/safety/region-leaders', { config: manage, schema: { tags, summary: 'Name the holder of a post of a region; the phone is encrypted', body: CreateLeaderBody, response: { 201: RegionLeader } } }, async (request, reply) =>
    reply.status(201).send(await leaders.create(request.ctx, request.body)),
  );
  app.patch('/safety/region-leaders/:id', { config: manage, schema: { tags, summary: 'Change a region leader; carries the version read', params: IdParams, body: UpdateLeaderBody, response: { 200: RegionLeader } } }, (request) =>
    leaders.update(request.ctx, request.params.id, request.body),
  );
  app.delete('/safety/region-leaders/:id', { config: manage, schema: { tags, summary: 'Remove a region leader; ?version= the version read', params: IdParams, querystring: VersionQuery } }, async (request, reply) => {
    await leaders.delete(request.ctx, request.params.id, request.query.version);
    return reply.status(204).send();
  });

  app.get(
    '/enterprises/:id/responsibility-chain',
    { config: { permission: 'enterprises:read' }, schema: { tags: ['responsibility', 'enterprises'], summary: "An enterprise's responsibility chain: supervising departments, the leaders of its community, town, district and city, its own principal and safety officer, this year's letter", params: IdParams, response: { 200: ResponsibilityChain } } },
    (request) => chain.chain(request.ctx, request.params.id),
  );
};
