import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ChangePasswordBody, LoginBody, Me, TotpConfirmBody, TotpSetup } from './auth.schema.js';
import { SESSION_COOKIE } from './auth.service.js';
import { TotpService } from './totp.service.js';

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { auth } = app.services;
  const totp = new TotpService(app.services.db.kysely, app.services.audit, app.services.crypto);

  app.post(
    '/auth/login',
    {
      config: { permission: 'public', idempotent: false },
      schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie. An admin enrolled in TOTP also sends the code (else 401 totp_required)', body: LoginBody, response: { 200: Me } },
    },
    async (request, reply) => {
      const { token, actor } = await auth.login(request.ctx, request.body.username, request.body.password, request.body.totp);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: app.config.session.secureCookie,
        path: '/',
      });
      return auth.describe(actor);
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: 'authenticated', idempotent: false, allowPendingPasswordChange: true, allowPendingSecondFactor: true }, schema: { tags: ['auth'], summary: 'End the session on the server', response: { 204: Type.Null() } } },
    async (request, reply) => {
      await auth.logout(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    { config: { permission: 'authenticated', allowPendingPasswordChange: true, allowPendingSecondFactor: true }, schema: { tags: ['auth'], summary: 'The signed-in user, roles and ground', response: { 200: Me } } },
    async (request) => auth.describe(request.ctx.actor!),
  );

  app.post(
    '/auth/password',
    {
      config: { permission: 'authenticated', idempotent: false, allowPendingPasswordChange: true },
      schema: { tags: ['auth'], summary: 'Change your own password', body: ChangePasswordBody, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await auth.changePassword(request.ctx, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  // Not idempotent: a replayed answer would be stored, and the secret with it.
  app.post(
    '/auth/totp/setup',
    {
      config: { permission: 'authenticated', idempotent: false, allowPendingSecondFactor: true },
      schema: { tags: ['auth'], summary: 'Admins: start TOTP enrolment; returns a new secret and its otpauth URL', response: { 200: TotpSetup } },
    },
    (request) => totp.setup(request.ctx),
  );

  app.post(
    '/auth/totp/confirm',
    {
      config: { permission: 'authenticated', idempotent: false, allowPendingSecondFactor: true },
      schema: { tags: ['auth'], summary: 'Admins: finish TOTP enrolment with a code from the new secret', body: TotpConfirmBody, response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      await totp.confirm(request.ctx, request.body.code);
      return reply.status(204).send(null);
    },
  );
};
