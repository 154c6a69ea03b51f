import { randomUUID } from 'node:crypto';
import { retentionCutoff, type DestructionRule, type EpidemicRetentionPolicy, type RetentionCutoff } from '@shoutu/domain';
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import type { AuditService } from '../../audit/audit.service.js';
import { CounterDeltas, markedDays, personDeltas } from '../dashboard/counters.js';
import { applyCounters, personFacts, storedPlan } from '../dashboard/counters.service.js';
import { FollowupsRepository } from '../followups/followups.repository.js';
import { chinaToday } from '../persons/persons.input.js';
import { PersonsRepository } from '../persons/persons.repository.js';
import { RetentionRepository } from './retention.repository.js';

/** Records destroyed per transaction: each batch commits with its destruction record and audit row. */
const BATCH = 200;

/** Tables whose rows the job deletes; on PostgreSQL they are vacuumed afterwards (residue). */
export const DESTROYED_TABLES = ['persons', 'person_keys', 'person_category_history', 'person_measure_plans', 'followups', 'exposures', 'alerts', 'arrivals', 'arrival_itinerary', 'travel_checks'] as const;

export interface RetentionResult {
  at: string;
  cutoff: RetentionCutoff;
  /** Rows removed per rule and table, summed over the batches. */
  destroyed: Partial<Record<DestructionRule, Record<string, number>>>;
  /** Destruction records written (one per batch). */
  records: number;
  /** What was done about copies left behind: SQLite's WAL checkpoint, PostgreSQL's vacuum. */
  residue: { sqliteCheckpoint?: { busy: number; log: number; checkpointed: number }; vacuumed?: string[] } | null;
}

export interface RetentionActor {
  /** Who runs it, for the destruction record and the audit row: 'scheduler', 'cli' or a username. */
  name: string;
  ctx: Pick<RequestContext, 'actor' | 'ip' | 'now'>;
}

/**
 * Destroys epidemic personal data past its purpose (PIPL art. 19, 47; SECURITY.md row 19; decision
 * 0020): released persons past the retention period with everything recorded about them
 * (follow-ups, exposures, alerts, arrivals, category history, plans) and their data key; arrivals
 * of nobody under management and travel checks past the period; everything once the epidemic's end
 * date plus the period has passed. Each batch is one transaction with its destruction record, its
 * audit row and its change to the dashboard counters. Afterwards the residue is cleared: SQLite
 * deletes with `secure_delete` on and truncates its WAL; PostgreSQL vacuums the tables (the
 * deleted data keys make old row versions unreadable until then).
 */
export class RetentionService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /** How many records are due now, per rule, without destroying anything (`shoutu retention run --dry-run`). */
  async due(now: Date, policy: EpidemicRetentionPolicy): Promise<Record<DestructionRule, number>> {
    const cutoff = retentionCutoff(now, policy);
    const repo = new RetentionRepository(this.db.kysely);
    const all = Number.MAX_SAFE_INTEGER;
    return {
      [cutoff.epidemicOver ? 'epidemic_ended' : 'released_person']: (await repo.duePersons(cutoff, all)).length,
      unlinked_arrival: (await repo.dueArrivals(cutoff, all)).length,
      travel_check: (await repo.dueTravelChecks(cutoff, all)).length,
    } as Record<DestructionRule, number>;
  }

  async run(actor: RetentionActor, policy: EpidemicRetentionPolicy): Promise<RetentionResult> {
    const now = actor.ctx.now();
    const cutoff = retentionCutoff(now, policy);
    const result: RetentionResult = { at: now.toISOString(), cutoff, destroyed: {}, records: 0, residue: null };
    const secureDelete = await this.secureDelete(true);
    try {
      const personRule: DestructionRule = cutoff.epidemicOver ? 'epidemic_ended' : 'released_person';
      await this.inBatches(actor, policy, cutoff, personRule, result, (repo) => repo.duePersons(cutoff, BATCH), (trx, ids) => this.destroyPersons(trx, ids, now));
      await this.inBatches(actor, policy, cutoff, 'unlinked_arrival', result, (repo) => repo.dueArrivals(cutoff, BATCH), (trx, ids) => new RetentionRepository(trx).destroyArrivals(ids));
      await this.inBatches(
        actor,
        policy,
        cutoff,
        'travel_check',
        result,
        async (repo) => (await repo.dueTravelChecks(cutoff, BATCH)).map((row) => row.id),
        (trx, ids) => this.destroyTravelChecks(trx, ids),
      );
    } finally {
      if (secureDelete === false) await this.secureDelete(false);
    }
    if (result.records > 0) result.residue = await this.clearResidue(result);
    return result;
  }

  /** Destroys due records a batch at a time until none is left. */
  private async inBatches(
    actor: RetentionActor,
    policy: EpidemicRetentionPolicy,
    cutoff: RetentionCutoff,
    rule: DestructionRule,
    result: RetentionResult,
    due: (repo: RetentionRepository) => Promise<string[]>,
    destroy: (trx: Kysely<Database>, ids: string[]) => Promise<Record<string, number>>,
  ): Promise<void> {
    for (;;) {
      const ids = await due(new RetentionRepository(this.db.kysely));
      if (ids.length === 0) return;
      const at = actor.ctx.now().toISOString();
      const id = randomUUID();
      const counts = await this.db.kysely.transaction().execute(async (trx) => {
        const deleted = await destroy(trx, ids);
        // What, when, by which rule, how many: no id, name or number of anyone destroyed.
        await new RetentionRepository(trx).record({ id, at, rule, retention_days: policy.days, cutoff: cutoff.epidemicOver ? null : cutoff.before, counts: JSON.stringify(deleted), actor: actor.name });
        await this.audit.record(trx, actor.ctx, { action: 'retention.destroy', actorUsername: actor.name, objectType: 'destruction_record', objectId: id, detail: { rule, retentionDays: policy.days, counts: deleted } });
        return deleted;
      });
      const total = (result.destroyed[rule] ??= {});
      for (const [table, n] of Object.entries(counts)) total[table] = (total[table] ?? 0) + n;
      result.records += 1;
    }
  }

  /** The persons and their rows, taken off the dashboard counters in the same transaction. */
  private async destroyPersons(trx: Kysely<Database>, ids: string[], now: Date): Promise<Record<string, number>> {
    const retention = new RetentionRepository(trx);
    const today = chinaToday(now);
    const [yesterday] = markedDays(today);
    const rows = await retention.personRows(ids);
    const plans = await new PersonsRepository(trx).currentPlans(ids);
    const followed = await new FollowupsRepository(trx).daysRecorded(ids, yesterday, today);
    const deltas = new CounterDeltas();
    for (const row of rows) {
      const days = new Set(followed.filter((f) => f.person_id === row.id).map((f) => f.followup_date));
      deltas.merge(personDeltas(personFacts(row, storedPlan(plans.get(row.id)?.plan)), null, days, today));
    }
    await applyCounters(trx, deltas);
    return retention.destroyPersons(ids);
  }

  private async destroyTravelChecks(trx: Kysely<Database>, ids: string[]): Promise<Record<string, number>> {
    const rows = await trx.selectFrom('travel_checks').select(['check_day', 'region_code', 'decision']).where('id', 'in', ids).execute();
    const deltas = new CounterDeltas();
    for (const row of rows) deltas.add('travel_check', row.check_day, row.region_code, row.decision, -1);
    await applyCounters(trx, deltas);
    return new RetentionRepository(trx).destroyTravelChecks(ids);
  }

  /**
   * SQLite overwrites deleted content only with `secure_delete` on: turned on for the run (it is
   * a setting of the connection), and back off afterwards if it was off. Returns the value before.
   */
  private async secureDelete(on: boolean): Promise<boolean | null> {
    if (this.db.dialect !== 'sqlite') return null;
    const before = (await sql<{ secure_delete: number }>`pragma secure_delete`.execute(this.db.kysely)).rows[0]?.secure_delete === 1;
    await sql.raw(`pragma secure_delete = ${on ? 'on' : 'off'}`).execute(this.db.kysely);
    return before;
  }

  /**
   * Copies of destroyed rows outside the live tables. SQLite: the WAL still holds page images from
   * before the deletion until a checkpoint; TRUNCATE copies them back and empties the file.
   * PostgreSQL: the old row versions stay until a vacuum; the persons' data keys are gone, so their
   * fields there are unreadable already, and the vacuum removes the keys' own old versions and the
   * keyed hashes.
   */
  private async clearResidue(result: RetentionResult): Promise<RetentionResult['residue']> {
    if (this.db.dialect === 'sqlite') {
      const row = (await sql<{ busy: number; log: number; checkpointed: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(this.db.kysely)).rows[0];
      return { sqliteCheckpoint: { busy: Number(row?.busy ?? 0), log: Number(row?.log ?? 0), checkpointed: Number(row?.checkpointed ?? 0) } };
    }
    const touched = DESTROYED_TABLES.filter((table) => Object.values(result.destroyed).some((counts) => (counts?.[table] ?? 0) > 0));
    // Table names come from the constant list above; VACUUM cannot run inside a transaction.
    if (touched.length > 0) await sql.raw(`vacuum ${touched.map((table) => `"${table}"`).join(', ')}`).execute(this.db.kysely);
    return { vacuumed: touched };
  }
}
