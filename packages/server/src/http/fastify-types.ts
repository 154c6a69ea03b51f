import type { Permission } from '@shoutu/domain';
import type { FastifySchema } from 'fastify';
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Scheduler } from '../ops/scheduler.js';
import type { Services } from '../services.js';
import type { RequestContext } from './context.js';
import type { RouteFields } from './field-rules.js';

/**
 * Every route declares who may call it: a permission, 'authenticated' (any signed-in user) or
 * 'public'. A route without a declaration stops the server from starting (SECURITY.md row 7).
 */
export type RoutePermission = Permission | 'authenticated' | 'public';

export interface RouteEntry {
  methods: string[];
  url: string;
  permission: RoutePermission;
  /** The route's TypeBox schemas (body, params, querystring), for the generated fuzzing of row 26. */
  schema: FastifySchema | undefined;
  /** The resources its body writes and its answer carries (field-level rules, row 9). */
  fields: RouteFields | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** POSTs honour Idempotency-Key unless a route opts out (login, logout: nothing to replay). */
    idempotent?: boolean;
    /** Routes still open to a user who must first change an initial password. */
    allowPendingPasswordChange?: boolean;
    /** Routes still open to an admin who must first enrol a TOTP second factor. */
    allowPendingSecondFactor?: boolean;
    /** A gate device may call the route with its checkpoint's API token (Authorization: Bearer); no other route takes one. */
    deviceToken?: boolean;
    /** The resources the body writes and the answer carries, for the field-level rules (SECURITY.md row 9). */
    fields?: RouteFields;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyInstance {
    services: Services;
    config: Config;
    metrics: Registry;
    /** The scheduled jobs; `serve` starts them, a test runs one with `run(name)`. */
    scheduler: Scheduler;
    /** Every route with its declared permission, for the route inventory and the generated ground matrix. */
    routeInventory: RouteEntry[];
  }
}
