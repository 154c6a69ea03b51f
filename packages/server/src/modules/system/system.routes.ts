import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DEMO_ACCOUNTS } from '../../demo/demo-accounts.js';
import { SHOUTU_VERSION } from '../../version.js';

const SystemInfo = Type.Object({
  name: Type.String(),
  version: Type.String(),
  demo: Type.Boolean(),
  demoPassword: Type.Optional(Type.String()),
  demoAccounts: Type.Optional(Type.Array(Type.Object({ username: Type.String(), roleLabelKey: Type.String(), description: Type.String() }))),
  /** Demo mode only, so that the login page can say the demo admins sign in without TOTP. */
  adminTotp: Type.Optional(Type.Union([Type.Literal('required'), Type.Literal('off')])),
});

export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/system/info',
    { config: { permission: 'public' }, schema: { tags: ['system'], summary: 'Product name, version and, in demo mode only, the demo accounts', response: { 200: SystemInfo } } },
    async () => ({
      name: 'Shoutu',
      version: SHOUTU_VERSION,
      demo: app.config.demo,
      ...(app.config.demo
        ? {
            demoPassword: app.config.demoPassword,
            demoAccounts: DEMO_ACCOUNTS.map((a) => ({ username: a.username, roleLabelKey: a.roles[0]!, description: a.description })),
            adminTotp: app.config.adminTotp,
          }
        : {}),
    }),
  );
};
