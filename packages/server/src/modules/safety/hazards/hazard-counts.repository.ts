import { regionPrefix, type HazardGrade } from '@shoutu/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { INBOX_QUEUES, type InboxQueue } from './hazard-inbox.queues.js';

/** What of a hazard decides the overview's cell it sits in (`open` false: none) and its inbox queues. */
export interface CountedState {
  region_code: string;
  grade: HazardGrade;
  open: boolean;
  counted_overdue: number;
  queues: readonly InboxQueue[];
}

/** The caller's ground's totals per inbox queue, and its overdue hazards (see `inboxTotals`). */
export type InboxTotals = Record<InboxQueue, number> & { overdue: number };

export interface RegionCounts {
  region_code: string;
  open: number;
  overdue: number;
  major: number;
}

const cellKey = (s: CountedState) => `${s.region_code}|${s.grade}|${s.counted_overdue}`;

/**
 * `hazard_counts` (grounded by region_code): the open hazards per community, grade and counted
 * overdue, kept in the transaction of every hazard write, so the overview sums a few thousand
 * cells however many hazards there are (decision 0029). `hazard_inbox_counts` likewise holds the
 * hazards per community in each inbox queue (decision 0032).
 */
export class HazardCountsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Moves a hazard from the cell of its state before to that of its state after. */
  async move(before: CountedState | null, after: CountedState | null): Promise<void> {
    const from = before?.open ? before : null;
    const to = after?.open ? after : null;
    if (!(from && to && cellKey(from) === cellKey(to))) {
      if (from) await this.add(from, -1);
      if (to) await this.add(to, 1);
    }
    const sameRegion = before?.region_code === after?.region_code;
    for (const queue of before?.queues ?? []) if (!(sameRegion && after!.queues.includes(queue))) await this.addToQueue(before!.region_code, queue, -1);
    for (const queue of after?.queues ?? []) if (!(sameRegion && before!.queues.includes(queue))) await this.addToQueue(after!.region_code, queue, 1);
  }

  private async addToQueue(regionCode: string, queue: InboxQueue, n: number): Promise<void> {
    await this.db
      .insertInto('hazard_inbox_counts')
      .values({ region_code: regionCode, queue, n })
      .onConflict((oc) => oc.columns(['region_code', 'queue']).doUpdateSet((eb) => ({ n: eb('hazard_inbox_counts.n', '+', eb.ref('excluded.n')) })))
      .execute();
  }

  /** Adds `n` (negative to take away) to the cell of this state. */
  async add(state: Omit<CountedState, 'queues'>, n: number): Promise<void> {
    await this.db
      .insertInto('hazard_counts')
      .values({ region_code: state.region_code, grade: state.grade, overdue: state.counted_overdue, n })
      .onConflict((oc) => oc.columns(['region_code', 'grade', 'overdue']).doUpdateSet((eb) => ({ n: eb('hazard_counts.n', '+', eb.ref('excluded.n')) })))
      .execute();
  }

  /**
   * Open, overdue and open-major hazards per child region of a subtree (per `digits` leading digits
   * of the region code): the counters summed in SQL, plus the hazards whose deadline passed since
   * the last marking (still uncounted, found by one range of `open_deadline`), so the overdue figure
   * is exact at any moment. Summed in SQL, a city's few thousand cells come back as a handful of
   * rows: read as cells, turning them into objects took most of the request (14 of 17 ms at 5,400 cells).
   */
  async bySubtree(regionCode: string, now: string, digits: number): Promise<RegionCounts[]> {
    const prefix = regionPrefix(regionCode);
    // A literal, not a parameter: PostgreSQL takes two parameters in SELECT and GROUP BY for two expressions.
    const child = sql<string>`substr(region_code, 1, ${sql.lit(digits)})`;
    const sums = await this.db
      .selectFrom('hazard_counts')
      .select([
        child.as('region_code'),
        sql<number>`sum(n)`.as('open'),
        sql<number>`sum(case when overdue = 1 then n else 0 end)`.as('overdue'),
        sql<number>`sum(case when grade = 'major' then n else 0 end)`.as('major'),
      ])
      .where('region_code', '>=', prefix)
      .where('region_code', '<', `${prefix}~`)
      .where('n', '<>', 0)
      .groupBy(child)
      .execute();
    // Few rows, so they are grouped and picked out here (see `passedSinceMarking`).
    const pending = await this.passedSinceMarking(now).select('region_code').execute();
    const byChild = new Map<string, RegionCounts>(sums.map((row) => [row.region_code, { region_code: row.region_code, open: Number(row.open), overdue: Number(row.overdue), major: Number(row.major) }]));
    for (const row of pending) {
      if (!row.region_code.startsWith(prefix)) continue;
      const code = row.region_code.slice(0, digits);
      const found = byChild.get(code) ?? { region_code: code, open: 0, overdue: 0, major: 0 };
      found.overdue += 1;
      byChild.set(code, found);
    }
    return [...byChild.values()];
  }

  /**
   * The inbox's counts over the caller's ground: the queues' cells summed in SQL, and the overdue
   * hazards as the overview counts them (the counted cells plus those past their deadline since
   * the last marking).
   */
  async inboxTotals(now: string): Promise<InboxTotals> {
    const totals: InboxTotals = { to_decide: 0, to_accept: 0, acceptance_overdue: 0, escalated: 0, overdue: 0 };
    const queues = await this.db.selectFrom('hazard_inbox_counts').select(['queue', sql<number>`sum(n)`.as('n')]).where('n', '<>', 0).groupBy('queue').execute();
    for (const row of queues) if (INBOX_QUEUES.includes(row.queue)) totals[row.queue] = Number(row.n);
    const counted = await this.db.selectFrom('hazard_counts').select(sql<number | null>`sum(n)`.as('n')).where('overdue', '=', 1).where('n', '<>', 0).executeTakeFirstOrThrow();
    const pending = await this.passedSinceMarking(now).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    totals.overdue = Number(counted.n ?? 0) + Number(pending.n);
    return totals;
  }

  /**
   * Open hazards whose deadline passed since the last marking: one short range of `open_deadline`,
   * with no region range or GROUP BY region of its own — either led SQLite to walk the region index
   * over the whole city (260 ms at 100,000 hazards, against 4 ms). The lower bound changes no
   * result; it makes the range look narrow enough to SQLite's planner to beat a district's range.
   */
  private passedSinceMarking(now: string) {
    return this.db.selectFrom('hazards').where('open_deadline', '>=', '').where('open_deadline', '<', now);
  }

  /** Open hazards past their deadline and not yet counted overdue, oldest deadline first. */
  dueForMarking(now: string, limit: number) {
    return this.db
      .selectFrom('hazards')
      .select(['id', 'region_code', 'grade', 'status', 'counted_overdue'])
      .where('open_deadline', '<', now)
      .orderBy('open_deadline')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Counts these hazards as overdue; the caller moves them between cells. */
  async markCounted(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.db.updateTable('hazards').set({ counted_overdue: 1, open_deadline: null }).where('id', 'in', ids).execute();
  }

  /**
   * Recomputes every cell of both counters from the hazards (after a bulk load that bypassed the
   * repository, or to check them): open hazards past their deadline are counted overdue at `now`.
   */
  async rebuild(now: string): Promise<void> {
    await this.db.updateTable('hazards').set({ counted_overdue: 0, open_deadline: null }).where('status', '=', 'closed').execute();
    await this.db
      .updateTable('hazards')
      .set({ counted_overdue: sql<number>`case when deadline < ${now} then 1 else 0 end`, open_deadline: sql<string | null>`case when deadline < ${now} then null else deadline end` })
      .where('status', '<>', 'closed')
      .execute();
    await this.db.deleteFrom('hazard_counts').execute();
    await this.db
      .insertInto('hazard_counts')
      .columns(['region_code', 'grade', 'overdue', 'n'])
      .expression((eb) =>
        eb
          .selectFrom('hazards')
          .select(['region_code', 'grade', 'counted_overdue', sql<number>`count(*)`.as('n')])
          .where('status', '<>', 'closed')
          .groupBy(['region_code', 'grade', 'counted_overdue']),
      )
      .execute();
    await this.db.deleteFrom('hazard_inbox_counts').execute();
    const inQueue = {
      to_decide: sql<boolean>`status = 'found' or (status = 'rectifying' and pending_extension is not null)`,
      to_accept: sql<boolean>`status = 'awaiting_acceptance'`,
      acceptance_overdue: sql<boolean>`status = 'awaiting_acceptance' and acceptance_overdue_at is not null`,
      escalated: sql<boolean>`status <> 'closed' and escalation_level is not null`,
    } satisfies Record<InboxQueue, unknown>;
    for (const queue of INBOX_QUEUES) {
      await this.db
        .insertInto('hazard_inbox_counts')
        .columns(['region_code', 'queue', 'n'])
        .expression((eb) => eb.selectFrom('hazards').select(['region_code', sql.lit(queue).as('queue'), sql<number>`count(*)`.as('n')]).where(inQueue[queue]).groupBy('region_code'))
        .execute();
    }
  }

  /** Every non-empty inbox cell, for comparing with a recount. */
  inboxCells() {
    return this.db.selectFrom('hazard_inbox_counts').selectAll().where('n', '<>', 0).orderBy('region_code').orderBy('queue').execute();
  }

  /** Every non-empty cell, for comparing with a recount. */
  cells() {
    return this.db.selectFrom('hazard_counts').selectAll().where('n', '<>', 0).orderBy('region_code').orderBy('grade').orderBy('overdue').execute();
  }
}
