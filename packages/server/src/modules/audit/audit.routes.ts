import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';

const AuditEntry = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  result: Type.String(),
  detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    actor: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

const PurgeResultSchema = Type.Object({
  retentionDays: Type.Integer(),
  cutoff: Type.String(),
  purged: Type.Integer(),
  anchor: Type.Union([Type.Object({ seq: Type.Integer(), hash: Type.String(), at: Type.String() }), Type.Null()]),
});

/**
 * For the audit admin only; no route changes a row, and the only removal is the purge of rows
 * past the retention period (SECURITY.md rows 6, 11, 13).
 */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit } = app.services;
  const tags = ['audit'];

  app.get(
    '/audit',
    { config: { permission: 'audit:read' }, schema: { tags, summary: 'The audit trail, newest first', querystring: AuditQuery, response: { 200: Type.Object({ items: Type.Array(AuditEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) }) } } },
    async (request) => {
      const { limit = 100, cursor, action, actor, from, to } = request.query;
      const beforeSeq = decodeCursor(cursor, 1)?.[0] as number | undefined;
      const page = await audit.list(request.ctx.db, {
        limit,
        ...(beforeSeq !== undefined ? { beforeSeq } : {}),
        ...(action ? { action } : {}),
        ...(actor ? { actor } : {}),
        ...(from ? { from: new Date(from).toISOString() } : {}),
        ...(to ? { to: new Date(to).toISOString() } : {}),
      });
      return { items: page.items, nextCursor: page.nextSeq !== null ? encodeCursor([page.nextSeq]) : null };
    },
  );

  app.post(
    '/audit/verify',
    {
      config: { permission: 'audit:read', idempotent: false },
      schema: { tags, summary: 'Recompute the hash chain', response: { 200: Type.Object({ ok: Type.Boolean(), checked: Type.Integer(), firstBadSeq: Type.Union([Type.Integer(), Type.Null()]) }) } },
    },
    (request) => audit.verify(request.ctx.db),
  );

  app.post(
    '/audit/purge',
    {
      config: { permission: 'audit:purge' },
      schema: { tags, summary: `Remove the rows older than the retention period (SHOUTU_AUDIT_RETENTION_DAYS, at least 180 days); the chain then verifies from its new anchor`, response: { 200: PurgeResultSchema } },
    },
    (request) => audit.purge(request.ctx.db, request.ctx, app.config.auditRetentionDays),
  );
};
