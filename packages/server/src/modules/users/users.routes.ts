import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CreateUserBody, ResetPasswordBody, UpdateUserBody, User, UserList, UserListQuery, UserParams } from './users.schema.js';
import { UsersService } from './users.service.js';
import { TotpService } from '../auth/totp.service.js';

export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new UsersService(app.services.audit);
  const tags = ['users'];

  app.get('/users', { config: { permission: 'users:manage' }, schema: { tags, summary: 'List accounts', querystring: UserListQuery, response: { 200: UserList } } }, (request) =>
    service.list(request.ctx, request.query),
  );

  app.post('/users', { config: { permission: 'users:manage' }, schema: { tags, summary: 'Create an account (must change its password at first login)', body: CreateUserBody, response: { 201: User } } }, async (request, reply) =>
    reply.status(201).send(await service.create(request.ctx, request.body)),
  );

  app.patch('/users/:id', { config: { permission: 'users:manage' }, schema: { tags, summary: 'Change an account; carries the version read', params: UserParams, body: UpdateUserBody, response: { 200: User } } }, (request) =>
    service.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/users/:id/reset-password',
    { config: { permission: 'users:manage', idempotent: false }, schema: { tags, summary: 'Set a temporary password the user must change', params: UserParams, body: ResetPasswordBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await service.resetPassword(request.ctx, request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  const totp = new TotpService(app.services.db.kysely, app.services.audit, app.services.crypto);
  app.post(
    '/users/:id/reset-totp',
    { config: { permission: 'security:manage', idempotent: false }, schema: { tags, summary: "Security admin: clear another account's TOTP; it enrols again at its next sign-in", params: UserParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await totp.reset(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
