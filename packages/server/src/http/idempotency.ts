import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
/**
 * A key still pending after this long belongs to a request that died between its commit and the
 * saving of its answer (a crash, a restart); a retry may then run again instead of getting 409 forever.
 */
const ABANDONED_AFTER_MS = 60_000;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(request.method).update('\n').update(request.url).update('\n').update(JSON.stringify(request.body ?? null)).digest('hex');
}

/**
 * Idempotency-Key on POST (grid workers retry on poor networks): the same key and body replays
 * the first response, the same key with another body is refused with 422, and a retry that
 * arrives while the first is still running gets 409.
 */
export function registerIdempotency(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || request.routeOptions.config?.idempotent === false) return;
    if (!KEY_PATTERN.test(key)) throw new AppError('validation_failed');
    const db = app.services.db.kysely;
    const actorKey = request.ctx.actor?.id ?? `anon:${request.ip}`;
    const hash = requestHash(request);
    let existing = await db.selectFrom('idempotency_keys').selectAll().where('actor_key', '=', actorKey).where('idempotency_key', '=', key).executeTakeFirst();
    const abandonedBefore = new Date(request.ctx.now().getTime() - ABANDONED_AFTER_MS).toISOString();
    if (existing && existing.state === 'pending' && existing.created_at < abandonedBefore) {
      await db.deleteFrom('idempotency_keys').where('actor_key', '=', actorKey).where('idempotency_key', '=', key).where('state', '=', 'pending').execute();
      existing = undefined;
    }
    if (existing) {
      if (existing.request_hash !== hash) throw new AppError('idempotency_key_reused');
      if (existing.state !== 'done') throw new AppError('idempotency_in_progress');
      reply.header('idempotent-replayed', 'true');
      return reply.status(existing.status_code ?? 200).type('application/json').send(existing.response_body ?? '');
    }
    try {
      await db.insertInto('idempotency_keys').values({ actor_key: actorKey, idempotency_key: key, request_hash: hash, state: 'pending', status_code: null, response_body: null, created_at: request.ctx.now().toISOString() }).execute();
    } catch {
      // Another request with the same key inserted first.
      throw new AppError('idempotency_in_progress');
    }
    (request as FastifyRequest & { idempotency?: { actorKey: string; key: string } }).idempotency = { actorKey, key };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = (request as FastifyRequest & { idempotency?: { actorKey: string; key: string } }).idempotency;
    if (!pending) return payload;
    const db = app.services.db.kysely;
    const where = db.updateTable('idempotency_keys').where('actor_key', '=', pending.actorKey).where('idempotency_key', '=', pending.key);
    if (reply.statusCode < 300) {
      await where.set({ state: 'done', status_code: reply.statusCode, response_body: typeof payload === 'string' ? payload : null }).execute();
    } else {
      // A failed request changed nothing, so the client may retry it under the same key.
      await db.deleteFrom('idempotency_keys').where('actor_key', '=', pending.actorKey).where('idempotency_key', '=', pending.key).execute();
    }
    return payload;
  });
}
