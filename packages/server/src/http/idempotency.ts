import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { Kysely } from 'kysely';
import type { DbUnit } from '../db/connections.js';
import { databaseFault, isUniqueViolation } from '../db/errors.js';
import type { Database } from '../db/schema.js';
import type { ScheduledJob } from '../ops/scheduler.js';
import { AppError } from './errors.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { DATABASE_FAULT_PROBLEMS, problemBody } from './problem.js';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
const HOUR_MS = 3_600_000;

interface Claim {
  unit: DbUnit;
  actorKey: string;
  key: string;
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256').update(request.method).update('\n').update(request.url).update('\n').update(JSON.stringify(request.body ?? null)).digest('hex');
}

/** Stored answers older than this are neither replayed nor kept. */
function freshSince(now: Date, retentionHours: number): string {
  return new Date(now.getTime() - retentionHours * HOUR_MS).toISOString();
}

/** Removes the stored answers older than the retention; a later retry with such a key runs as a new request. */
export function purgeExpiredIdempotencyKeys(db: Kysely<Database>, now: Date, retentionHours: number): Promise<number> {
  return new IdempotencyRepository(db).purgeBefore(freshSince(now, retentionHours));
}

export const idempotencyPurgeJob: ScheduledJob = {
  name: 'idempotency.purge-expired',
  description: 'Remove stored Idempotency-Key answers older than SHOUTU_IDEMPOTENCY_RETENTION_HOURS',
  intervalMs: HOUR_MS,
  run: async ({ services, config, now }) => ({ purged: await purgeExpiredIdempotencyKeys(services.db.kysely, now(), config.idempotencyRetentionHours) }),
};

/**
 * Idempotency-Key on POST (grid workers retry on poor networks; SECURITY.md row 24): the same key
 * and body replays the first answer, the same key with another body is refused with 422, and a
 * retry that arrives while the first is still running gets 409.
 *
 * A request with a key runs in one database transaction of its own (a unit, db/connections.ts):
 * the key, everything the handler writes (its services' transactions become savepoints) and the
 * answer commit together or not at all. A crash at any point leaves either the request done with
 * its answer stored, or nothing — never a write without its answer, nor a key without its write.
 * A refused or failed request frees its key, keeping what it would keep without one.
 */
export function registerIdempotency(app: FastifyInstance): void {
  const claims = new WeakMap<FastifyRequest, Claim>();

  /** Replays a stored answer, or claims the key for this request and opens its unit. */
  async function claim(request: FastifyRequest, reply: FastifyReply): Promise<Claim | 'replayed' | null> {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string') return null;
    if (!KEY_PATTERN.test(key)) throw new AppError('validation_failed');
    const { db } = app.services;
    const repo = new IdempotencyRepository(db.kysely);
    const actorKey = request.ctx.actor?.id ?? `anon:${request.ip}`;
    const hash = requestHash(request);
    const now = request.ctx.now();
    const since = freshSince(now, app.config.idempotencyRetentionHours);
    const replay = (stored: Awaited<ReturnType<IdempotencyRepository['findAnswer']>>) => {
      if (!stored) return null;
      if (stored.request_hash !== hash) throw new AppError('idempotency_key_reused');
      reply.header('idempotent-replayed', 'true');
      void reply.status(stored.status_code ?? 200).type('application/json').send(stored.response_body ?? '');
      return 'replayed' as const;
    };

    const answered = replay(await repo.findAnswer(actorKey, key, since));
    if (answered) return answered;
    const unit = await db.openUnit();
    try {
      const locked = await unit.run(async () => {
        if (!(await repo.tryLock(db.dialect, actorKey, key))) return false;
        await repo.insertClaim({ actorKey, key, requestHash: hash, at: now.toISOString() }, since);
        return true;
      });
      if (!locked) throw new AppError('idempotency_in_progress');
    } catch (error) {
      await unit.rollback();
      // Another request with this key finished between the look-up and the claim.
      if (!isUniqueViolation(error)) throw error;
      const winner = replay(await repo.findAnswer(actorKey, key, since));
      if (winner) return winner;
      throw new AppError('idempotency_in_progress');
    }
    return { unit, actorKey, key };
  }

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('POST') || route.config?.idempotent === false) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function (this: FastifyInstance, request, reply) {
      const claimed = await claim(request, reply);
      if (claimed === 'replayed') return reply;
      if (!claimed) return handler.call(this, request, reply);
      claims.set(request, claimed);
      return claimed.unit.run(async () => handler.call(this, request, reply));
    };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claimed = claims.get(request);
    if (!claimed) return payload;
    claims.delete(request);
    const { unit, actorKey, key } = claimed;
    const repo = new IdempotencyRepository(app.services.db.kysely);
    if (reply.statusCode >= 300) {
      try {
        await unit.run(() => repo.release(actorKey, key));
        await unit.commit();
      } catch (error) {
        await unit.rollback();
        request.log.warn({ err: { message: (error as Error).message, code: (error as { code?: unknown }).code } }, 'could not keep the work of a refused request');
      }
      return payload;
    }
    try {
      await unit.run(() => repo.storeAnswer(actorKey, key, reply.statusCode, typeof payload === 'string' ? payload : null));
      await unit.commit();
      return payload;
    } catch (error) {
      await unit.rollback();
      // Nothing of the request was kept, so it is answered as the failure it became.
      const fault = databaseFault(error);
      request.log.error({ err: { message: (error as Error).message, code: (error as { code?: unknown }).code }, fault }, 'request rolled back at commit');
      const { code, headers } = fault ? DATABASE_FAULT_PROBLEMS[fault] : { code: 'internal_error' as const, headers: {} };
      for (const [name, value] of Object.entries(headers)) reply.header(name, value);
      const body = problemBody(code, request.url.split('?')[0] ?? '');
      void reply.code(body.status).type('application/problem+json');
      return JSON.stringify(body);
    }
  });

  // Should a request end without an answer passing through onSend, its unit must not stay open.
  app.addHook('onResponse', async (request) => {
    const claimed = claims.get(request);
    if (!claimed) return;
    claims.delete(request);
    await claimed.unit.rollback();
  });
}
