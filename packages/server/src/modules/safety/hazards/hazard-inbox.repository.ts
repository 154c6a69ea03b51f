import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { OPEN_STATUSES, type HazardRow, type HazardScope } from './hazards.repository.js';

/** The inbox's sections (我的待办): what waits on the caller, as a condition on `hazards`. */
export type InboxSection = 'toRectify' | 'toDecide' | 'toAccept' | 'overdue';

/** Who the caller is to the loop: their sections follow from it (hazards.policy.ts). */
export type InboxActor = 'regulator' | 'enterprise_safety_officer' | 'other';

type Hazards = ExpressionBuilder<Database, 'hazards'>;

/**
 * The condition of a section for an actor, or null when the section holds nothing for them:
 * - toRectify: the enterprise's hazards being rectified, sent-back ones included, and the ones of
 *   its own self-inspection still to be handed over (交办) — the enterprise's officer only;
 * - toDecide: hazards found and not yet handed over, and extension requests to approve — regulators;
 * - toAccept: rectifications awaiting acceptance that the caller may accept (the state machine's
 *   rule: a regulator any, the enterprise's officer a general hazard of its own self-inspection);
 * - overdue: open hazards past their deadline, escalated or not — anyone who reads hazards.
 */
function sectionCondition(section: InboxSection, actor: InboxActor, now: string) {
  switch (section) {
    case 'toRectify':
      return actor !== 'enterprise_safety_officer'
        ? null
        : (eb: Hazards) => eb.or([eb('hazards.status', '=', 'rectifying'), eb.and([eb('hazards.status', '=', 'found'), eb('hazards.source', '=', 'self_inspection')])]);
    case 'toDecide':
      return actor !== 'regulator' ? null : (eb: Hazards) => eb.or([eb('hazards.status', '=', 'found'), eb.and([eb('hazards.status', '=', 'rectifying'), eb('hazards.pending_extension', 'is not', null)])]);
    case 'toAccept':
      if (actor === 'regulator') return (eb: Hazards) => eb('hazards.status', '=', 'awaiting_acceptance');
      return actor !== 'enterprise_safety_officer'
        ? null
        : (eb: Hazards) => eb.and([eb('hazards.status', '=', 'awaiting_acceptance'), eb('hazards.grade', '=', 'general'), eb('hazards.source', '=', 'self_inspection')]);
    case 'overdue':
      return (eb: Hazards) => eb.and([eb('hazards.status', 'in', OPEN_STATUSES), eb('hazards.deadline', '<', now)]);
  }
}

export interface InboxSectionRows {
  count: number;
  /** toAccept: how many are flagged past the acceptor's due time; overdue: how many were escalated. */
  flagged: number;
  rows: HazardRow[];
}

/** The inbox's SQL over the caller's ground-scoped handle: per section a count and its most urgent rows. */
export class HazardInboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async section(section: InboxSection, actor: InboxActor, now: string, scope: HazardScope, limit: number): Promise<InboxSectionRows> {
    const condition = sectionCondition(section, actor, now);
    if (condition === null) return { count: 0, flagged: 0, rows: [] };
    const base = this.db
      .selectFrom('hazards')
      .where(condition)
      .$if(scope.onlyEnterpriseId !== undefined, (q) => q.where('hazards.enterprise_id', '=', scope.onlyEnterpriseId!));
    const flaggedColumn = section === 'toAccept' ? 'hazards.acceptance_overdue_at' : 'hazards.escalation_level';
    const counts = await base
      .select([sql<number>`count(*)`.as('count'), sql<number>`count(${sql.ref(flaggedColumn)})`.as('flagged')])
      .executeTakeFirstOrThrow();
    const ordered = base.innerJoin('enterprises', 'enterprises.id', 'hazards.enterprise_id').selectAll('hazards').select('enterprises.name as enterprise_name');
    const rows = await (section === 'toAccept'
      ? ordered.orderBy('hazards.acceptance_due_at')
      : section === 'overdue'
        ? // Escalated to the city first, then the county, then the longest overdue.
          ordered.orderBy(sql`case hazards.escalation_level when 'city' then 0 when 'county' then 1 else 2 end`).orderBy('hazards.deadline')
        : ordered.orderBy(sql`coalesce(hazards.deadline, hazards.found_at)`)
    )
      .orderBy('hazards.id')
      .limit(limit)
      .execute();
    return { count: Number(counts.count), flagged: Number(counts.flagged), rows };
  }
}
