import type { RequestContext } from '../../../http/context.js';
import type { HazardSettingsService } from './hazard-settings.service.js';
import { HazardInboxRepository, type InboxSectionRows } from './hazard-inbox.repository.js';
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
    const { onlyEnterpriseId } = hazardScope(ctx);
    const sections = onlyEnterpriseId !== undefined
      ? await repo.ofEnterprise(actorKind, onlyEnterpriseId, now.toISOString(), limit)
      : // An enterprise officer's ground is always one enterprise (hazardActorOf).
        await repo.ofGround(actorKind === 'regulator' ? 'regulator' : 'other', now.toISOString(), limit);
    const settings = await this.settings.inForce();
    const items = (section: InboxSectionRows) => section.rows.map((row) => presentHazard(row, now, settings.for(row.region_code)));
    const { toRectify, toDecide, toAccept, overdue } = sections;
    return {
      actorKind,
      toRectify: { count: toRectify.count, items: items(toRectify) },
      toDecide: { count: toDecide.count, items: items(toDecide) },
      toAccept: { count: toAccept.count, acceptanceOverdue: toAccept.flagged, items: items(toAccept) },
      overdue: { count: overdue.count, escalated: overdue.flagged, items: items(overdue) },
    };
  }
}
