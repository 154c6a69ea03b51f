import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Routes of the safety capability, mounted under /api/v1. */
export const safetyRoutes: FastifyPluginAsyncTypebox = async () => {};
