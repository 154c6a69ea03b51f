import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UnitsService } from '../../units/units.service.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { IndustrySupervisionService } from '../industries/industry-supervision.service.js';
import { CertificateHolders } from './certificate-holders.js';
import {
  AlertsQuery,
  Certificate,
  CertificateAlerts,
  CertificateList,
  CertificateListQuery,
  CertificateParams,
  CreateCertificateBody,
  SearchBody,
  SearchResult,
  UpdateCertificateBody,
} from './certificates.schema.js';
import { CertificatesService } from './certificates.service.js';

export const certificatesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit, crypto, db } = app.services;
  const enterprises = new EnterprisesService(audit, crypto, db.kysely, new IndustrySupervisionService(audit, db.kysely));
  const service = new CertificatesService(audit, new CertificateHolders(crypto), enterprises, new UnitsService(audit));
  const tags = ['training'];
  const read = { permission: 'certificates:read' } as const;
  const manage = { permission: 'certificates:manage' } as const;

  app.get('/training/certificates', { config: read, schema: { tags, summary: 'Safety certificates in your ground, earliest due first; filter by status (valid, expiring within 90 days, expired), kind, enterprise, unit, region', querystring: CertificateListQuery, response: { 200: CertificateList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.get('/training/certificates/alerts', { config: read, schema: { tags, summary: 'Certificates expiring within 90 days or expired (review overdue included), with their counts; computed when read', querystring: AlertsQuery, response: { 200: CertificateAlerts } } }, (request) =>
    service.alerts(request.ctx, request.query),
  );

  app.post('/training/certificates/search', { config: read, schema: { tags, summary: "A holder's certificates by exact ID number (in the body, never the URL), matched by keyed hash", body: SearchBody, response: { 200: SearchResult } } }, (request) =>
    service.search(request.ctx, request.body.idNumber),
  );

  app.get('/training/certificates/:id', { config: read, schema: { tags, summary: 'One certificate, holder masked', params: CertificateParams, response: { 200: Certificate } } }, (request) =>
    service.get(request.ctx, request.params.id),
  );

  app.post('/training/certificates', { config: manage, schema: { tags, summary: "Record a certificate of an enterprise's or a unit's person; expiry and review default to the rule in force on the issue day", body: CreateCertificateBody, response: { 201: Certificate } } }, async (request, reply) =>
    reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.patch('/training/certificates/:id', { config: manage, schema: { tags, summary: 'Change a certificate or record a review (复审) over the version read', params: CertificateParams, body: UpdateCertificateBody, response: { 200: Certificate } } }, (request) =>
    service.update(request.ctx, request.params.id, request.body),
  );
};
