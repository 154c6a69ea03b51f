import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refreshAfterBulkLoad } from '../../../db/planner-statistics.js';
import { AppError } from '../../../http/errors.js';
import { problemBody } from '../../../http/problem.js';
import { sendExportOutcome } from '../../exports/exports.reply.js';
import { ExportRequest } from '../../exports/exports.schema.js';
import { communitiesInGround } from '../../safety/enterprises/template-regions.js';
import { PersonExportBody, personsExportKind } from './persons.export.js';
import { ImportRejectedError, MAX_IMPORT_ROWS, PersonsImport } from './persons.import.js';
import {
  CreatePersonBody,
  ImportQuery,
  ImportResult,
  PersonDetail,
  PersonList,
  PersonListQuery,
  PersonParams,
  PersonSearchBody,
  UnmaskBody,
  UnmaskedPerson,
  UpdatePersonBody,
} from './persons.schema.js';
import { PersonExistsError, PersonsService } from './persons.service.js';
import { buildPersonTemplate, XLSX_TYPE } from './persons.xlsx.js';

/** An import of tens of thousands of rows is megabytes; other requests keep the global limit. */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export const personsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new PersonsService(app.services.audit, app.services.crypto);
  const importer = new PersonsImport(app.services.audit, app.services.crypto);
  const tags = ['persons'];
  const exportKind = app.services.exports.kinds.register(personsExportKind(app.services.crypto));

  // Invalid UTF-8 is refused rather than turned into U+FFFD and stored (SECURITY.md row 26).
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => {
    try {
      done(null, strictUtf8.decode(body as Buffer));
    } catch {
      done(new AppError('malformed_csv'), undefined);
    }
  });

  // A workbook arrives as its bytes; only the import route reads a body of this type.
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));

  // Problems that carry more than field errors: the existing person, and the rows of a refused file.
  app.setErrorHandler((error, request, reply) => {
    const instance = request.url.split('?')[0] ?? '';
    if (error instanceof PersonExistsError) {
      return reply.status(409).type('application/problem+json').send({ ...problemBody('person_exists', instance, error.errors), personId: error.personId });
    }
    if (error instanceof ImportRejectedError) {
      return reply.status(400).type('application/problem+json').send({ ...problemBody('import_rejected', instance), errors: error.rowErrors, truncated: error.truncated });
    }
    throw error;
  });

  app.get('/persons', { config: { permission: 'persons:read', fields: { read: [['person', 'items.*']] } }, schema: { tags, summary: 'Persons under management in your ground, newest first; identifiers masked', querystring: PersonListQuery, response: { 200: PersonList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.post(
    '/persons/search',
    {
      // A read: nothing to replay, and its answer must not be stored with the idempotency keys.
      config: { permission: 'persons:read', idempotent: false, fields: { read: [['person', 'items.*']] } },
      schema: { tags, summary: 'Find persons by exact ID number or mobile number (sent in the body, never the URL)', body: PersonSearchBody, response: { 200: PersonList } },
    },
    (request) => service.list(request.ctx, request.body),
  );

  app.post(
    '/persons/export',
    {
      // A file is never stored for an idempotent replay: a second copy would escape the audit.
      config: { permission: 'data:export', idempotent: false },
      schema: {
        tags,
        summary: 'Export the filtered list as CSV, XLSX or PDF: 200 with the watermarked file, or 202 with an export request when it needs approval (SECURITY.md row 18)',
        body: PersonExportBody,
        response: { 202: ExportRequest },
      },
    },
    async (request, reply) => {
      const { format, unmasked, reason, ...filter } = request.body;
      return sendExportOutcome(reply, await app.services.exports.start(request.ctx, exportKind, filter, { format, ...(unmasked !== undefined ? { unmasked } : {}), ...(reason !== undefined ? { reason } : {}) }));
    },
  );

  app.get('/persons/:id', { config: { permission: 'persons:read', fields: { read: [['person', '']] } }, schema: { tags, summary: 'One person with category history and measure plans; identifiers masked', params: PersonParams, response: { 200: PersonDetail } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post(
    '/persons',
    { config: { permission: 'persons:manage', fields: { write: 'person_registration', read: [['person', '']] } }, schema: { tags, summary: 'Register a person; the same ID number is one person (409 person_exists with personId)', body: CreatePersonBody, response: { 201: PersonDetail } } },
    async (request, reply) => reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.patch(
    '/persons/:id',
    { config: { permission: 'persons:manage', fields: { write: 'person', read: [['person', '']] } }, schema: { tags, summary: 'Change a person; a category change needs categoryReason; carries the version read', params: PersonParams, body: UpdatePersonBody, response: { 200: PersonDetail } } },
    (request) => service.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/persons/:id/unmask',
    {
      // The plaintext answer must never be stored for idempotent replay.
      config: { permission: 'persons:unmask', idempotent: false },
      schema: { tags, summary: 'Full name, ID number, phone and address, once, for a stated reason (audited)', params: PersonParams, body: UnmaskBody, response: { 200: UnmaskedPerson } },
    },
    (request) => service.unmask(request.ctx, request.params.id, request.body.reason),
  );

  app.get(
    '/persons/import-template.xlsx',
    { config: { permission: 'persons:manage' }, schema: { tags, summary: 'The .xlsx import template: headers, 说明, the categories and the grids of your ground' } },
    async (request, reply) => {
      const regions = await communitiesInGround(request.ctx.db, request.ctx.actor!.ground.regionCodes);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="person-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('管控人员导入模板.xlsx')}`)
        .send(await buildPersonTemplate(regions, MAX_IMPORT_ROWS));
    },
  );

  app.post(
    '/persons/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      // A retried upload cannot write twice: an ID number already registered is reported, not inserted.
      config: { permission: 'persons:manage', idempotent: false },
      schema: {
        tags,
        summary: `Import a person list as CSV (UTF-8, header name,idNumber,phone,gridCode,category,… or the template's Chinese headers) or as the .xlsx template (${XLSX_TYPE}), at most ${MAX_IMPORT_ROWS} rows and 32 MB; errors per row, all or nothing unless mode=valid_rows_only`,
        consumes: ['text/csv', XLSX_TYPE],
        querystring: ImportQuery,
        response: { 201: ImportResult },
      },
    },
    async (request, reply) => {
      const body: unknown = request.body;
      const file = typeof body === 'string' ? ({ format: 'csv', text: body } as const) : Buffer.isBuffer(body) ? ({ format: 'xlsx', bytes: body } as const) : null;
      if (!file) throw new AppError('unsupported_media_type');
      const outcome = await importer.run(request.ctx, file, request.query.mode ?? 'all_or_nothing');
      await refreshAfterBulkLoad(app.services.db);
      return reply.status(201).send(outcome);
    },
  );
};
