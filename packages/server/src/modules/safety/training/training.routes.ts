import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { certificatesRoutes } from './certificates.routes.js';
import { coursesRoutes } from './courses.routes.js';
import { sessionsRoutes } from './sessions.routes.js';

/** Training and study (培训学习): the course library, sessions and attendance, safety certificates. */
export const trainingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(coursesRoutes);
  await app.register(sessionsRoutes);
  await app.register(certificatesRoutes);
};
