import type { FastifyPluginAsync } from 'fastify';
import { checkDatabase } from '../../db/database.js';

/** Probes for the operator: liveness with a database round trip, and Prometheus metrics. */
export const operationsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await checkDatabase(app.services.db);
      return { status: 'ok', database: app.services.db.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  app.get('/metrics', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(app.metrics.contentType).send(await app.metrics.metrics()),
  );
};
