import type { Permission } from '@shoutu/domain';
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Services } from '../services.js';
import type { RequestContext } from './context.js';

/**
 * Every route declares who may call it: a permission, 'authenticated' (any signed-in user) or
 * 'public'. A route without a declaration stops the server from starting (SECURITY.md row 7).
 */
export type RoutePermission = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** POSTs honour Idempotency-Key unless a route opts out (login, logout: nothing to replay). */
    idempotent?: boolean;
    /** Routes still open to a user who must first change an initial password. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyInstance {
    services: Services;
    config: Config;
    metrics: Registry;
  }
}
