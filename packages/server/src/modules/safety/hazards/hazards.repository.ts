import { HAZARD_STATUSES, regionPrefix, type HazardGrade, type HazardStatus } from '@shoutu/domain';
import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { HazardCountsRepository, type RegionCounts } from './hazard-counts.repository.js';
import { inboxQueues, type QueueFacts } from './hazard-inbox.queues.js';
import type { EscalationLevel, HazardEventTable, HazardTable } from './hazards.tables.js';

export type HazardRow = Selectable<HazardTable> & { enterprise_name: string };
export type HazardEventRow = Selectable<HazardEventTable>;

/** Every status but closed: what "open" means in lists, overviews and the escalation. */
export const OPEN_STATUSES: HazardStatus[] = HAZARD_STATUSES.filter((status) => status !== 'closed');

/** An enterprise officer's ground is one enterprise. */
export interface HazardScope {
  onlyEnterpriseId?: string;
}

export interface HazardFilter extends HazardScope {
  status?: HazardStatus;
  grade?: HazardGrade;
  /** Now, as ISO text: only open hazards strictly past their deadline (the domain's isOverdue, as SQL). */
  overdueAt?: string;
  /** Only hazards awaiting acceptance that the scheduled job flagged as waiting too long. */
  acceptanceOverdue?: boolean;
  enterpriseId?: string;
  campaignId?: string;
  regionCode?: string;
}


function withScope<O>(query: SelectQueryBuilder<Database, 'hazards', O>, scope: HazardScope) {
  return query.$if(scope.onlyEnterpriseId !== undefined, (q) => q.where('hazards.enterprise_id', '=', scope.onlyEnterpriseId!));
}

function inSubtree<O>(query: SelectQueryBuilder<Database, 'hazards', O>, regionCode: string) {
  const prefix = regionPrefix(regionCode);
  return query.where('hazards.region_code', '>=', prefix).where('hazards.region_code', '<', `${prefix}~`);
}

/**
 * The list's conditions, shared by the page and the count an export makes first. Overdue says
 * `status <> 'closed'` in the words of the partial index `hazards_open_by_deadline`, which serves
 * its order.
 */
function withFilter<O>(query: SelectQueryBuilder<Database, 'hazards', O>, filter: HazardFilter) {
  return withScope(query, filter)
    .$if(filter.status !== undefined, (q) => q.where('hazards.status', '=', filter.status!))
    .$if(filter.grade !== undefined, (q) => q.where('hazards.grade', '=', filter.grade!))
    .$if(filter.overdueAt !== undefined, (q) => q.where('hazards.status', '<>', 'closed').where('hazards.deadline', '<', filter.overdueAt!))
    .$if(filter.acceptanceOverdue === true, (q) => q.where('hazards.status', '=', 'awaiting_acceptance').where('hazards.acceptance_overdue_at', 'is not', null))
    .$if(filter.enterpriseId !== undefined, (q) => q.where('hazards.enterprise_id', '=', filter.enterpriseId!))
    .$if(filter.campaignId !== undefined, (q) => q.where('hazards.campaign_id', '=', filter.campaignId!))
    .$if(filter.regionCode !== undefined, (q) => inSubtree(q, filter.regionCode!));
}

/** The column a list is ordered by, and which way: see `HazardsRepository.list`. */
export function listOrder(filter: HazardFilter): ['hazards.found_at' | 'hazards.deadline', 'asc' | 'desc'] {
  return filter.overdueAt !== undefined ? ['hazards.deadline', 'asc'] : ['hazards.found_at', 'desc'];
}

/**
 * The hazards' SQL. `hazards` and `hazard_events` are grounded; the enterprise's name comes from
 * the register (grounded too): joined for one hazard, read by id after the page for a list.
 */
export class HazardsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private selectHazards() {
    return this.db.selectFrom('hazards').innerJoin('enterprises', 'enterprises.id', 'hazards.enterprise_id').selectAll('hazards').select('enterprises.name as enterprise_name');
  }

  byId(id: string, scope: HazardScope): Promise<HazardRow | undefined> {
    return withScope(this.selectHazards().where('hazards.id', '=', id), scope).executeTakeFirst();
  }

  /**
   * A page of the list's hazards: newest first, or longest overdue first (deadline, id) when only
   * overdue hazards are asked for. `after` is the (found_at | deadline, id) of the last row of the
   * page before. The enterprises' names come after, for the page's rows (`withEnterpriseNames`).
   */
  list(filter: HazardFilter, page: { limit: number; after?: [string, string] }): Promise<Selectable<HazardTable>[]> {
    const [column, direction] = listOrder(filter);
    let query = withFilter(this.db.selectFrom('hazards').selectAll('hazards'), filter)
      .orderBy(column, direction)
      .orderBy('hazards.id', direction)
      .limit(page.limit);
    if (page.after) {
      const [value, id] = page.after;
      // A row-value comparison is one range of the (…, found_at | deadline, id) indexes; the equivalent OR made
      // the database walk every row before the cursor, so deep pages grew with their depth.
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple(column, 'hazards.id'), direction === 'desc' ? '<' : '>', tuple(value, id)));
    }
    return query.execute();
  }

  async count(filter: HazardFilter): Promise<number> {
    const row = await withFilter(this.db.selectFrom('hazards').select((eb) => eb.fn.countAll<number>().as('n')), filter).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Inserts a hazard and counts it in the overview's cell and its inbox queues (same transaction as the caller's). */
  async insert(row: Insertable<HazardTable>): Promise<void> {
    const open = row.status !== 'closed';
    await this.db.insertInto('hazards').values({ ...row, counted_overdue: 0, open_deadline: open ? (row.deadline ?? null) : null }).execute();
    const queues = inboxQueues({ status: row.status, pending_extension: row.pending_extension ?? null, acceptance_overdue_at: row.acceptance_overdue_at ?? null, escalation_level: row.escalation_level ?? null });
    await new HazardCountsRepository(this.db).move(null, { region_code: row.region_code, grade: row.grade, open, counted_overdue: 0, queues });
  }

  async insertEvent(row: Insertable<HazardEventTable>): Promise<void> {
    await this.db.insertInto('hazard_events').values(row).execute();
  }

  /**
   * Writes only over the version read; 0 when someone else wrote first. Keeps the overview's
   * counters in step (closing leaves the cells; a new deadline, an extension, is no longer counted
   * overdue until it passes in turn) and the inbox's queues.
   */
  async updateVersioned(id: string, version: number, changes: Updateable<HazardTable>): Promise<number> {
    const before = await this.db
      .selectFrom('hazards')
      .select(['region_code', 'grade', 'status', 'deadline', 'counted_overdue', 'open_deadline', 'pending_extension', 'acceptance_overdue_at', 'escalation_level'])
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!before) return 0;
    const status = changes.status ?? before.status;
    const grade = (changes.grade ?? before.grade) as HazardGrade;
    const deadline = changes.deadline === undefined ? before.deadline : (changes.deadline as string | null);
    const open = status !== 'closed';
    const counted = open && deadline === before.deadline ? before.counted_overdue : 0;
    const tracking = { counted_overdue: counted, open_deadline: open && counted === 0 ? deadline : null };
    const result = await this.db.updateTable('hazards').set({ ...changes, ...tracking, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    const updated = Number(result.numUpdatedRows);
    if (updated === 1) {
      const after = { ...before, ...changes, status } as QueueFacts;
      await new HazardCountsRepository(this.db).move(
        { region_code: before.region_code, grade: before.grade, open: before.status !== 'closed', counted_overdue: before.counted_overdue, queues: inboxQueues(before) },
        { region_code: before.region_code, grade, open, counted_overdue: counted, queues: inboxQueues(after) },
      );
    }
    return updated;
  }

  events(hazardId: string): Promise<HazardEventRow[]> {
    return this.db.selectFrom('hazard_events').selectAll().where('hazard_id', '=', hazardId).orderBy('version').execute();
  }

  /**
   * Open, overdue and open-major counts per child region of a subtree — per `digits` leading digits
   * of the region code, as `region_code` — from the maintained counters or, for one enterprise, by
   * one GROUP BY of its hazards.
   */
  async countsByRegion(regionCode: string, now: string, scope: HazardScope, digits: number): Promise<RegionCounts[]> {
    // The counters are per community; an enterprise officer's few hazards are counted directly.
    if (scope.onlyEnterpriseId === undefined) return new HazardCountsRepository(this.db).bySubtree(regionCode, now, digits);
    const child = sql<string>`substr(hazards.region_code, 1, ${sql.lit(digits)})`;
    const rows = await withScope(inSubtree(this.db.selectFrom('hazards'), regionCode), scope)
      .where('hazards.status', 'in', OPEN_STATUSES)
      .select([
        child.as('region_code'),
        sql<number>`count(*)`.as('open'),
        sql<number>`sum(case when hazards.deadline < ${now} then 1 else 0 end)`.as('overdue'),
        sql<number>`sum(case when hazards.grade = 'major' then 1 else 0 end)`.as('major'),
      ])
      .groupBy(child)
      .execute();
    return rows.map((row) => ({ region_code: row.region_code, open: Number(row.open), overdue: Number(row.overdue), major: Number(row.major) }));
  }

  /**
   * Open hazards past their deadline at one escalation level that may be due a step up: never
   * escalated (`from` null), or escalated to the county at or before `cityCutoff`; in (deadline, id)
   * order after `after`. One walk of `hazards_open_by_escalation` per level: as one query with an OR
   * of the levels, the database sorted every overdue hazard for each page (1 s at a million hazards).
   */
  escalationCandidates(now: string, from: EscalationLevel | null, cityCutoff: string, scope: HazardScope, limit: number, after?: [string, string]) {
    return withScope(this.db.selectFrom('hazards'), scope)
      .select(['hazards.id', 'hazards.region_code', 'hazards.enterprise_id', 'hazards.status', 'hazards.deadline', 'hazards.escalation_level', 'hazards.escalated_at', 'hazards.version'])
      .where('hazards.status', '<>', 'closed')
      .where('hazards.escalation_level', from === null ? 'is' : '=', from)
      .where('hazards.deadline', '<', now)
      .$if(from !== null, (q) => q.where('hazards.escalated_at', '<=', cityCutoff))
      .$if(after !== undefined, (q) => q.where(({ eb, refTuple, tuple }) => eb(refTuple('hazards.deadline', 'hazards.id'), '>', tuple(after![0], after![1]))))
      .orderBy('hazards.deadline')
      .orderBy('hazards.id')
      .limit(limit)
      .execute();
  }

  /**
   * Hazards awaiting acceptance past their acceptance due time and not flagged yet, in (due, id)
   * order after `after`, by the partial index `hazards_acceptance_unflagged` (the flagged ones,
   * most of those past due, are not in it).
   */
  acceptanceOverdueCandidates(now: string, limit: number, after?: [string, string]) {
    return this.db
      .selectFrom('hazards')
      .select(['hazards.id', 'hazards.region_code', 'hazards.grade', 'hazards.source', 'hazards.status', 'hazards.acceptance_due_at', 'hazards.rectification', 'hazards.version'])
      .where('hazards.status', '=', 'awaiting_acceptance')
      .where('hazards.acceptance_due_at', '<', now)
      .where('hazards.acceptance_overdue_at', 'is', null)
      .$if(after !== undefined, (q) => q.where(({ eb, refTuple, tuple }) => eb(refTuple('hazards.acceptance_due_at', 'hazards.id'), '>', tuple(after![0], after![1]))))
      .orderBy('hazards.acceptance_due_at')
      .orderBy('hazards.id')
      .limit(limit)
      .execute();
  }
}
