import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Registry, collectDefaultMetrics, Histogram } from 'prom-client';
import type { Config } from './config.js';
import { systemClock, type Clock } from './clock.js';
import type { Db } from './db/database.js';
import './http/fastify-types.js';
import { registerAccessControl } from './http/access.js';
import { registerFieldRules } from './http/field-rules.js';
import { registerIdempotency } from './http/idempotency.js';
import { registerStrictJsonParser } from './http/json-body.js';
import { registerTextGuard } from './http/text-guard.js';
import { registerProblemHandlers, sendProblem } from './http/problem.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { SCHEDULED_JOBS } from './ops/jobs.js';
import { jobContext, Scheduler } from './ops/scheduler.js';
import { createServices } from './services.js';
import { SHOUTU_VERSION } from './version.js';
import { loadMasterKey } from './privacy/master-key.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { regionsRoutes } from './modules/regions/regions.routes.js';
import { operationsRoutes } from './modules/system/operations.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { unitsRoutes } from './modules/units/units.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { safetyRoutes } from './modules/safety/safety.routes.js';
import { epidemicRoutes } from './modules/epidemic/epidemic.routes.js';
import { exportsRoutes } from './modules/exports/exports.routes.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Bodies are validated strictly (no type coercion, unknown fields refused); query strings coerce. */
function validators() {
  const make = (coerceTypes: boolean | 'array') => addFormats(new Ajv({ strict: false, allErrors: false, removeAdditional: false, useDefaults: true, coerceTypes }));
  return { body: make(false), other: make('array') };
}

function defaultWebDist(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

export interface AppOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  logger?: boolean;
  /** Tests pass a key; otherwise it comes from the configuration (see privacy/master-key.ts). */
  masterKey?: Buffer;
}

export async function buildApp({ config, db, clock = systemClock, logger = true, masterKey }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          // Sessions are secrets; bodies are never logged (they may hold personal data).
          redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        }
      : false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
    requestIdHeader: false,
    // Request ids appear in export watermarks and audit rows: unique across restarts, not req-N.
    genReqId: () => randomUUID(),
    // The router's own refusals (a broken percent-encoding, an over-long path parameter) are problems like any other.
    frameworkErrors: (error, request, reply) => sendProblem(reply, request, error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'validation_failed'),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ajv = validators();
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? ajv.body : ajv.other).compile(schema));

  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const duration = new Histogram({ name: 'shoutu_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'], registers: [metrics], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const key = masterKey ?? loadMasterKey({ envKey: config.masterKey ?? undefined, keyFile: config.masterKeyFile, createIfMissing: config.demo });
  const services = createServices(db, config, clock, key);
  app.decorate('services', services);
  app.decorate('config', config);
  app.decorate('metrics', metrics);
  // Built here, started only by `serve`: tests run a job when they mean to.
  app.decorate('scheduler', new Scheduler(SCHEDULED_JOBS, jobContext(services, config), app.log, metrics));
  app.addHook('onClose', () => app.scheduler.stop());

  await app.register(cookie);
  registerAccessControl(app);
  registerFieldRules(app);
  registerIdempotency(app);
  registerSecurityHeaders(app);
  registerProblemHandlers(app);
  registerStrictJsonParser(app);
  registerTextGuard(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Shoutu API', version: SHOUTU_VERSION, description: '守土 — work safety, epidemic control, economic recovery and supervision. Errors are application/problem+json with a stable code.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'shoutu_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(operationsRoutes);
  await app.register(
    async (api) => {
      await api.register(systemRoutes);
      await api.register(authRoutes);
      await api.register(regionsRoutes);
      await api.register(unitsRoutes);
      await api.register(usersRoutes);
      await api.register(auditRoutes);
      await api.register(safetyRoutes);
      await api.register(epidemicRoutes);
      await api.register(exportsRoutes);
    },
    { prefix: '/api/v1' },
  );

  const webDist = config.webDist ?? defaultWebDist();
  const serveWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: any other GET outside the API gets its page.
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendProblem(reply, request, 'not_found');
  });
  return app;
}
