import { isWithinGround } from '@shoutu/domain';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { GroundViolation } from '../../../db/ground-scope.js';
import type { RequestContext } from '../../../http/context.js';
import { CounterDeltas } from '../dashboard/counters.js';
import { applyCounters } from '../dashboard/counters.service.js';
import { TravelRepository } from './travel.repository.js';
import type { TravelCheckTable } from './travel.tables.js';

interface Pending {
  row: Insertable<TravelCheckTable>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The log of travel checks, written in groups: the checks waiting at the same moment share one
 * INSERT and one commit. With SQLite's synchronous=FULL every commit is a disk flush (about
 * 3 ms here), which would otherwise cap a checkpoint at a few hundred checks a second and block
 * the event loop for each. A check is answered only after its row is committed, so every answer
 * given is logged; a failed write fails the checks of its group. The group's dashboard counters
 * are written in the same transaction. One group is written at a time: the checks arriving
 * meanwhile make the next group, so the day's counter cell is never fought over by two commits.
 */
export class TravelLog {
  private queue: Pending[] = [];
  private scheduled = false;
  private writing = false;

  /** `db` is the unscoped handle: one group holds the checks of several users, each checked against its own ground below. */
  constructor(private readonly db: Kysely<Database>) {}

  append(ctx: RequestContext, row: Insertable<TravelCheckTable>): Promise<void> {
    // The ground scope would refuse the row on a request's handle; the same rule, applied per row.
    if (!ctx.actor || !isWithinGround(row.region_code, ctx.actor.ground)) return Promise.reject(new GroundViolation('travel_checks', row.region_code));
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.writing || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const group = this.queue;
    this.queue = [];
    this.scheduled = false;
    this.writing = true;
    try {
      await this.db.transaction().execute(async (trx) => {
        await new TravelRepository(trx).insertMany(group.map((p) => p.row));
        // The dashboard's checks and denials per day and region, in the same commit.
        const deltas = new CounterDeltas();
        for (const { row } of group) deltas.add('travel_check', row.check_day, row.region_code, row.decision, 1);
        await applyCounters(trx, deltas);
      });
      for (const p of group) p.resolve();
    } catch (error) {
      for (const p of group) p.reject(error);
    } finally {
      this.writing = false;
      this.schedule();
    }
  }
}
