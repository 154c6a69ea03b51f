import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Routes of the epidemic capability, mounted under /api/v1. */
export const epidemicRoutes: FastifyPluginAsyncTypebox = async () => {};
