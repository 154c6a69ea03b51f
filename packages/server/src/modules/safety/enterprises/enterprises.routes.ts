import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { refreshAfterBulkLoad } from '../../../db/planner-statistics.js';
import { AppError } from '../../../http/errors.js';
import { problemBody } from '../../../http/problem.js';
import { IndustrySupervisionService } from '../industries/industry-supervision.service.js';
import { CoverageService } from './coverage.service.js';
import { EnterpriseContacts } from './enterprise-contacts.js';
import { sendExportOutcome } from '../../exports/exports.reply.js';
import { enterprisesExportKind } from './enterprises.export.js';
import { EnterpriseImporter, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './enterprises.import.js';
import {
  CoverageQuery,
  CoverageReport,
  CreateEnterpriseBody,
  Enterprise,
  EnterpriseExportQuery,
  EnterpriseList,
  EnterpriseListQuery,
  EnterpriseParams,
  ImportQuery,
  ImportRefusal,
  ImportReportParams,
  ImportResult,
  ParkList,
  SupervisingUnitList,
  UpdateEnterpriseBody,
} from './enterprises.schema.js';
import { EnterprisesService } from './enterprises.service.js';
import { buildErrorReport, buildTemplate, XLSX_TYPE } from './enterprises.xlsx.js';
import { ImportReportsRepository } from './import-reports.repository.js';
import { communitiesInGround } from './template-regions.js';

function sendXlsx(reply: FastifyReply, bytes: Buffer, fileName: string, asciiName: string) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(bytes);
}

export const enterprisesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, crypto, db } = app.services;
  const mapping = new IndustrySupervisionService(audit, db.kysely);
  const service = new EnterprisesService(audit, crypto, db.kysely, mapping);
  const exportKind = app.services.exports.kinds.register(enterprisesExportKind(service));
  const importer = new EnterpriseImporter(audit, new EnterpriseContacts(crypto), mapping, () => service.units());
  const coverage = new CoverageService();
  const tags = ['enterprises'];

  // Uploads arrive as the workbook's bytes; only the import route takes them, with its own size limit.
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.get('/enterprises', { config: { permission: 'enterprises:read' }, schema: { tags, summary: 'The enterprise register in your ground, filtered; contacts masked', querystring: EnterpriseListQuery, response: { 200: EnterpriseList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.get('/enterprises/parks', { config: { permission: 'enterprises:read' }, schema: { tags, summary: 'Parks named in the register of your ground', response: { 200: ParkList } } }, (request) =>
    service.parks(request.ctx),
  );

  app.get('/enterprises/import-template.xlsx', { config: { permission: 'enterprises:manage' }, schema: { tags, summary: 'The .xlsx import template: headers, 说明, industry codes and the communities of your ground' } }, async (request, reply) => {
    const regions = await communitiesInGround(request.ctx.db, request.ctx.actor!.ground.regionCodes);
    return sendXlsx(reply, await buildTemplate(regions, MAX_IMPORT_ROWS), '企业档案导入模板.xlsx', 'enterprise-import-template.xlsx');
  });

  app.post(
    '/enterprises/import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      // A retried upload cannot write twice: a credit code already registered is reported, not inserted.
      config: { permission: 'enterprises:manage', idempotent: false },
      schema: {
        tags,
        summary: `Import an .xlsx file (body: the workbook, ${XLSX_TYPE}, at most 10 MB and ${MAX_IMPORT_ROWS} rows). all_or_nothing answers 422 and writes nothing when any row has an error; valid_rows_only writes the valid rows in one transaction and reports the others.`,
        querystring: ImportQuery,
        response: { 200: ImportResult, 422: ImportRefusal },
      },
      onRequest: async (request) => {
        if (request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== XLSX_TYPE) throw new AppError('unsupported_media_type');
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('unsupported_media_type');
      const outcome = await importer.run(request.ctx, request.body, request.query.mode ?? 'all_or_nothing');
      await refreshAfterBulkLoad(app.services.db);
      if (outcome.status === 200) return outcome.body;
      return reply.status(422).type('application/problem+json').send({ ...problemBody('import_has_errors', request.url.split('?')[0] ?? ''), ...outcome.body });
    },
  );

  app.get('/enterprises/import-errors/:id.xlsx', { config: { permission: 'enterprises:manage' }, schema: { tags, summary: 'The per-row error report of one of your imports (kept 7 days)', params: ImportReportParams } }, async (request, reply) => {
    const report = await new ImportReportsRepository(request.ctx.db).byIdFor(request.params.id, request.ctx.actor!.id);
    if (!report) throw new AppError('not_found');
    const summary = `导入时间 ${report.created_at}（UTC），共 ${report.total_rows} 行，导入 ${report.imported} 行，有错误 ${report.rejected} 行（${report.mode === 'all_or_nothing' ? '全部成功才导入：未导入任何行' : '仅导入正确的行'}）`;
    return sendXlsx(reply, await buildErrorReport(JSON.parse(report.errors), summary), `企业档案导入错误-${report.id.slice(0, 8)}.xlsx`, `enterprise-import-errors-${report.id.slice(0, 8)}.xlsx`);
  });

  app.get('/enterprises/export.xlsx', { config: { permission: 'data:export' }, schema: { tags, summary: 'Export the current filter as .xlsx (masked contacts, watermarked, audited with row count and SHA-256)', querystring: EnterpriseExportQuery } }, async (request, reply) => {
    // Enterprises are not persons: the exports service produces the file at once (decision 0018).
    return sendExportOutcome(reply, await app.services.exports.start(request.ctx, exportKind, request.query, { format: 'xlsx' }));
  });

  app.get('/enterprises/:id', { config: { permission: 'enterprises:read' }, schema: { tags, summary: 'One enterprise; contacts masked', params: EnterpriseParams, response: { 200: Enterprise } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post('/enterprises', { config: { permission: 'enterprises:manage', fields: { write: 'enterprise' } }, schema: { tags, summary: 'Register an enterprise; without supervisorUnitIds it gets the departments of its industry (三个必须)', body: CreateEnterpriseBody, response: { 201: Enterprise } } }, async (request, reply) =>
    reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.patch('/enterprises/:id', { config: { permission: 'enterprises:manage', fields: { write: 'enterprise' } }, schema: { tags, summary: 'Change an enterprise; carries the version read', params: EnterpriseParams, body: UpdateEnterpriseBody, response: { 200: Enterprise } } }, (request) =>
    service.update(request.ctx, request.params.id, request.body),
  );

  app.get('/safety/supervising-units', { config: { permission: 'enterprises:read' }, schema: { tags, summary: 'Departments that may supervise enterprises in your ground (inside it and above it)', response: { 200: SupervisingUnitList } } }, (request) =>
    service.supervisingUnits(request.ctx),
  );

  app.get('/safety/coverage', { config: { permission: 'enterprises:read' }, schema: { tags: ['three musts'], summary: '三个必须: per county-level region, enterprises without a supervising department and not inspected for N months', querystring: CoverageQuery, response: { 200: CoverageReport } } }, (request) =>
    coverage.report(request.ctx, request.query),
  );
};
