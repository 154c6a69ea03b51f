import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { SCHEDULER_USERNAME } from '../../../ops/scheduler.js';
import type { AuditService } from '../../audit/audit.service.js';
import { HazardsRepository } from './hazards.repository.js';

const BATCH = 500;

/**
 * Flags rectifications left awaiting acceptance past their due time (the acceptor's own deadline,
 * set at submission from the hazard settings): `acceptance_overdue_at`, an `acceptance_overdue`
 * event on the timeline and a version step, in one transaction per batch with one audit row. The
 * flag clears when the hazard is accepted or sent back. Runs on the system handle.
 */
export async function flagOverdueAcceptances(db: Kysely<Database>, audit: AuditService, ctx: Pick<RequestContext, 'actor' | 'ip' | 'now'>): Promise<{ flagged: number }> {
  const at = ctx.now().toISOString();
  let flagged = 0;
  let after: [string, string] | undefined;
  for (;;) {
    const candidates = await new HazardsRepository(db).acceptanceOverdueCandidates(at, BATCH, after);
    if (candidates.length === 0) break;
    const last = candidates[candidates.length - 1]!;
    after = [last.acceptance_due_at!, last.id];
    // The callback may run again on a busy database: it returns its count instead of adding it up.
    flagged += await db.transaction().execute(async (trx) => {
      const repo = new HazardsRepository(trx);
      let batch = 0;
      for (const hazard of candidates) {
        // A hazard accepted or changed meanwhile is left alone; the next run looks again.
        if ((await repo.updateVersioned(hazard.id, hazard.version, { acceptance_overdue_at: at, updated_at: at })) === 0) continue;
        const submittedAt = hazard.rectification === null ? null : ((JSON.parse(hazard.rectification) as { submittedAt?: string }).submittedAt ?? null);
        await repo.insertEvent({
          id: randomUUID(),
          hazard_id: hazard.id,
          region_code: hazard.region_code,
          version: hazard.version + 1,
          type: 'acceptance_overdue',
          from_status: hazard.status,
          to_status: hazard.status,
          actor_id: null,
          actor_name: null,
          actor_kind: 'system',
          at,
          payload: JSON.stringify({ dueAt: hazard.acceptance_due_at, submittedAt }),
        });
        batch += 1;
      }
      if (batch > 0) await audit.record(trx, ctx, { action: 'hazard.flag_acceptance_overdue', objectType: 'hazard', detail: { flagged: batch, at }, ...(ctx.actor ? {} : { actorUsername: SCHEDULER_USERNAME }) });
      return batch;
    });
    if (candidates.length < BATCH) break;
  }
  return { flagged };
}
