import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { HazardCountsRepository } from './hazard-counts.repository.js';
import { withEnterpriseNames } from '../enterprises/enterprise-names.repository.js';
import { OPEN_STATUSES, type HazardRow } from './hazards.repository.js';
import type { EscalationLevel, HazardTable } from './hazards.tables.js';

/** The inbox's sections (我的待办): what waits on the caller, as a condition on `hazards`. */
export type InboxSection = 'toRectify' | 'toDecide' | 'toAccept' | 'overdue';

/** Who the caller is to the loop: their sections follow from it (hazards.policy.ts). */
export type InboxActor = 'regulator' | 'enterprise_safety_officer' | 'other';

type Hazards = ExpressionBuilder<Database, 'hazards'>;
type Row = Selectable<HazardTable>;

export interface InboxSectionRows {
  count: number;
  /** toAccept: how many are flagged past the acceptor's due time; overdue: how many were escalated. */
  flagged: number;
  rows: HazardRow[];
}

export type InboxSections = Record<InboxSection, InboxSectionRows>;

const EMPTY: InboxSectionRows = { count: 0, flagged: 0, rows: [] };

/** The overdue section's order: escalated to the city first, then the county, then the longest overdue. */
const ESCALATION_ORDER: (EscalationLevel | null)[] = ['city', 'county', null];

/** What waits for the decision of a regulator sorts by how long it has waited: found, since it was found; an extension request, by its deadline. */
const decisionKey = (row: Row) => (row.status === 'found' ? row.found_at : (row.deadline ?? row.found_at));
/** In code points, as the databases order ISO times and UUIDs (a locale could order them otherwise). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The condition of a section for an actor over one enterprise, or null when the section holds
 * nothing for them:
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

/**
 * The inbox's SQL over the caller's ground-scoped handle: per section a count and its most urgent
 * rows. Over a region ground (regulators and others) the counts come from the maintained counters
 * and the rows from index walks in each section's order, so neither grows with the hazards
 * (decision 0032); one enterprise's hazards are few, so its officer's are counted and sorted directly.
 */
export class HazardInboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * A regulator's sections (toDecide: hazards found and not yet handed over, and extension
   * requests; toAccept: every rectification awaiting acceptance; overdue), or another reader's
   * (overdue only), over their region ground.
   */
  async ofGround(actor: Exclude<InboxActor, 'enterprise_safety_officer'>, now: string, limit: number): Promise<InboxSections> {
    const totals = await new HazardCountsRepository(this.db).inboxTotals(now);
    const overdue = { count: totals.overdue, flagged: totals.escalated, rows: await this.named(await this.overdueRows(now, limit)) };
    if (actor === 'other') return { toRectify: EMPTY, toDecide: EMPTY, toAccept: EMPTY, overdue };
    return {
      toRectify: EMPTY,
      toDecide: { count: totals.to_decide, flagged: 0, rows: await this.named(await this.toDecideRows(limit)) },
      toAccept: { count: totals.to_accept, flagged: totals.acceptance_overdue, rows: await this.named(await this.toAcceptRows(limit)) },
      overdue,
    };
  }

  /** The sections of a caller whose ground is one enterprise (its safety officer). */
  async ofEnterprise(actor: InboxActor, enterpriseId: string, now: string, limit: number): Promise<InboxSections> {
    const section = async (name: InboxSection): Promise<InboxSectionRows> => {
      const condition = sectionCondition(name, actor, now);
      if (condition === null) return EMPTY;
      const base = this.db.selectFrom('hazards').where(condition).where('hazards.enterprise_id', '=', enterpriseId);
      const flaggedColumn = name === 'toAccept' ? 'hazards.acceptance_overdue_at' : 'hazards.escalation_level';
      const counts = await base.select([sql<number>`count(*)`.as('count'), sql<number>`count(${sql.ref(flaggedColumn)})`.as('flagged')]).executeTakeFirstOrThrow();
      const ordered = base.selectAll('hazards');
      const rows = await (name === 'toAccept'
        ? ordered.orderBy('hazards.acceptance_due_at')
        : name === 'overdue'
          ? ordered.orderBy(sql`case hazards.escalation_level when 'city' then 0 when 'county' then 1 else 2 end`).orderBy('hazards.deadline')
          : ordered.orderBy(sql`coalesce(hazards.deadline, hazards.found_at)`)
      )
        .orderBy('hazards.id')
        .limit(limit)
        .execute();
      return { count: Number(counts.count), flagged: Number(counts.flagged), rows: await this.named(rows) };
    };
    return { toRectify: await section('toRectify'), toDecide: await section('toDecide'), toAccept: await section('toAccept'), overdue: await section('overdue') };
  }

  /**
   * Open hazards past their deadline: a walk of `hazards_open_by_escalation` per level (city,
   * county, none), each in deadline order, until the page is full. `status <> 'closed'` is the
   * partial index's own condition, so the planner can use it.
   */
  private async overdueRows(now: string, limit: number): Promise<Row[]> {
    const rows: Row[] = [];
    for (const level of ESCALATION_ORDER) {
      if (rows.length >= limit) break;
      rows.push(
        ...(await this.db
          .selectFrom('hazards')
          .selectAll('hazards')
          .where('hazards.status', '<>', 'closed')
          .where('hazards.escalation_level', level === null ? 'is' : '=', level)
          .where('hazards.deadline', '<', now)
          .orderBy('hazards.deadline')
          .orderBy('hazards.id')
          .limit(limit - rows.length)
          .execute()),
      );
    }
    return rows;
  }

  /**
   * The found hazards by `hazards_status_found`, the extension requests by `hazards_extension_requests`
   * (it leads with the status so that SQLite prefers it to `hazards_status_deadline`, whose walk
   * passes every hazard being rectified), merged by how long each has waited.
   */
  private async toDecideRows(limit: number): Promise<Row[]> {
    const found = await this.db.selectFrom('hazards').selectAll('hazards').where('hazards.status', '=', 'found').orderBy('hazards.found_at').orderBy('hazards.id').limit(limit).execute();
    const extensions = await this.db
      .selectFrom('hazards')
      .selectAll('hazards')
      .where('hazards.pending_extension', 'is not', null)
      .where('hazards.status', '=', 'rectifying')
      .orderBy('hazards.deadline')
      .orderBy('hazards.id')
      .limit(limit)
      .execute();
    const byWait = (a: Row, b: Row) => compareText(decisionKey(a), decisionKey(b)) || compareText(a.id, b.id);
    return [...found, ...extensions].sort(byWait).slice(0, limit);
  }

  /** Awaiting acceptance, the longest waiting first (`hazards_status_acceptance_due`). */
  private toAcceptRows(limit: number): Promise<Row[]> {
    return this.db.selectFrom('hazards').selectAll('hazards').where('hazards.status', '=', 'awaiting_acceptance').orderBy('hazards.acceptance_due_at').orderBy('hazards.id').limit(limit).execute();
  }

  /** The enterprises' names come after, by id: joined, the walk would read the register too. */
  private named(rows: Row[]): Promise<HazardRow[]> {
    return withEnterpriseNames(this.db, rows);
  }
}
