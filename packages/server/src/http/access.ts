import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Permission } from '@shoutu/domain';
import { GroundScopePlugin } from '../db/ground-scope.js';
import { SESSION_COOKIE } from '../modules/auth/auth.service.js';
import { AppError } from './errors.js';
import type { RouteEntry } from './fastify-types.js';

/** Routes registered by plugins we do not write (the API browser, the web app's files) are public. */
const PUBLIC_PREFIXES = ['/api/docs', '/assets/'];

export function registerAccessControl(app: FastifyInstance): void {
  const inventory: RouteEntry[] = [];
  app.decorate('routeInventory', inventory);
  app.addHook('onRoute', (route) => {
    const url = route.url;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    if (!route.config?.permission) {
      if (PUBLIC_PREFIXES.some((p) => url.startsWith(p)) || (!url.startsWith('/api/') && methods.every((m) => m === 'GET' || m === 'HEAD'))) {
        route.config = { ...route.config, permission: 'public' };
      } else {
        throw new Error(`Route ${methods.join(',')} ${url} declares no permission`);
      }
    }
    inventory.push({ methods, url, permission: route.config.permission!, schema: route.schema, fields: route.config.fields });
  });

  app.decorateRequest('ctx', null as never);

  app.addHook('onRequest', async (request) => {
    const { auth, clock, db, deviceTokens } = app.services;
    const now = clock.now();
    // A gate device sends its checkpoint's API token instead of a session; only routes that say so take one.
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const deviceRoute = request.routeOptions.config?.deviceToken === true;
    const actor = bearer === undefined ? await auth.authenticate(request.cookies[SESSION_COOKIE], now) : deviceRoute ? await deviceTokens.authenticate(bearer, now) : null;
    const ground = actor?.ground ?? { regionCodes: [] };
    request.ctx = {
      actor,
      db: db.kysely.withPlugin(new GroundScopePlugin(ground, db.dialect)),
      ip: request.ip ?? null,
      requestId: String(request.id ?? randomUUID()),
      now: () => clock.now(),
    };
    const config = request.routeOptions.config;
    const permission = config?.permission;
    if (bearer !== undefined && !deviceRoute) throw new AppError('device_token_not_allowed');
    if (!permission || permission === 'public') return;
    if (!actor) throw new AppError(bearer !== undefined ? 'device_token_invalid' : request.cookies[SESSION_COOKIE] ? 'session_expired' : 'unauthenticated');
    if (actor.mustChangePassword && !config.allowPendingPasswordChange) throw new AppError('password_change_required');
    // The initial password comes first, then the enrolment: while both are pending, the password route stays open.
    const passwordStep = actor.mustChangePassword && config.allowPendingPasswordChange;
    if (actor.secondFactorPending && !config.allowPendingSecondFactor && !passwordStep) throw new AppError('second_factor_required');
    if (permission !== 'authenticated' && !actor.permissions.includes(permission as Permission)) throw new AppError('forbidden');
  });
}
