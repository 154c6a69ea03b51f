import type { RequestContext } from '../../../http/context.js';
import type { HazardSettingsService } from './hazard-settings.service.js';
import { HazardInboxRepository, type InboxSection } from './hazard-inbox.repository.js';
import type { HazardInbox, HazardInboxQuery } from './hazard-inbox.schema.js';
import { hazardActorOf } from './hazards.policy.js';
import { presentHazard } from './hazards.present.js';
import { hazardScope } from './hazards.service.js';

/**
 * 我的待办: what of the closed loop waits on the caller, in four sections with counts, over the
 * caller's ground (and an enterprise officer's own enterprise). Which sections hold anything
 * follows from who the caller is to the loop (hazards.policy.ts) and the state machine's rule of
 * who may accept.
 */
export class HazardInboxService {
  constructor(private readonly settings: HazardSettingsService) {}

  async get(ctx: RequestContext, query: HazardInboxQuery): Promise<HazardInbox> {
    const limit = query.limit ?? 20;
    const actorKind = hazardActorOf(ctx.actor!).kind;
    const now = ctx.now();
    const repo = new HazardInboxRepository(ctx.db);
    const scope = hazardScope(ctx);
    const settings = await this.settings.inForce();
    const section = async (name: InboxSection) => {
      const { count, flagged, rows } = await repo.section(name, actorKind, now.toISOString(), scope, limit);
      return { count, flagged, items: rows.map((row) => presentHazard(row, now, settings.for(row.region_code))) };
    };
    const [toRectify, toDecide, toAccept, overdue] = [await section('toRectify'), await section('toDecide'), await section('toAccept'), await section('overdue')];
    return {
      actorKind,
      toRectify: { count: toRectify.count, items: toRectify.items },
      toDecide: { count: toDecide.count, items: toDecide.items },
      toAccept: { count: toAccept.count, acceptanceOverdue: toAccept.flagged, items: toAccept.items },
      overdue: { count: overdue.count, escalated: overdue.flagged, items: overdue.items },
    };
  }
}
