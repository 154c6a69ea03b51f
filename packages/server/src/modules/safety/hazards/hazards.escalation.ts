import { randomUUID } from 'node:crypto';
import { DEFAULT_HAZARD_SETTINGS } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { SCHEDULER_USERNAME } from '../../../ops/scheduler.js';
import type { AuditService } from '../../audit/audit.service.js';
import { EnterprisesRepository } from '../enterprises/enterprises.repository.js';
import type { HazardSettingsInForce } from './hazard-settings.service.js';
import { hazardActorOf } from './hazards.policy.js';
import { HazardsRepository, type HazardScope } from './hazards.repository.js';
import type { EscalationLevel } from './hazards.tables.js';

/** The default days at the county before the city; a city or province may set its own (hazard settings). */
export const CITY_ESCALATION_AFTER_DAYS = DEFAULT_HAZARD_SETTINGS.cityEscalationAfterDays;
const DAY_MS = 86_400_000;
const BATCH = 500;

export interface EscalationOutcome {
  escalated: number;
  toCounty: number;
  toCity: number;
}

/** The region an escalation goes to: the county of the enterprise's community, or its city. */
function escalatedTo(regionCode: string, level: EscalationLevel): string {
  return level === 'county' ? regionCode.slice(0, 6) : `${regionCode.slice(0, 4)}00`;
}

/**
 * Marks open hazards that are past their deadline (DESIGN.md: overdue hazards escalate up the
 * region tree and to the supervising department): never escalated → county; escalated to the
 * county at least the settings' days ago (those of the hazard's city or province) → city. Each
 * step writes an event and bumps the version, in one transaction per batch with one audit row.
 * `db` is a request's ground-scoped handle (only the caller's ground is escalated) or, for the
 * scheduled job, the system handle.
 */
export async function escalateOverdueHazards(
  db: Kysely<Database>,
  audit: AuditService,
  ctx: Pick<RequestContext, 'actor' | 'ip' | 'now'>,
  settings: HazardSettingsInForce,
  scope: HazardScope = {},
): Promise<EscalationOutcome> {
  const now = ctx.now();
  const at = now.toISOString();
  const cutoff = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const outcome: EscalationOutcome = { escalated: 0, toCounty: 0, toCity: 0 };
  const actor = ctx.actor;
  // A batch takes the never-escalated first, then the county's, each walk resuming where it
  // stopped: one transaction and one audit row per batch, as with a single walk. A hazard escalated
  // to the county in this run is not due again, since a city's wait is at least a day.
  const walks = [
    { from: null, after: undefined as [string, string] | undefined, done: false },
    { from: 'county' as const, after: undefined as [string, string] | undefined, done: false },
  ];
  const reader = new HazardsRepository(db);
  for (;;) {
    const page: Awaited<ReturnType<HazardsRepository['escalationCandidates']>> = [];
    for (const walk of walks) {
      const room = BATCH - page.length;
      if (walk.done || room === 0) continue;
      // The database answers for the shortest wait anywhere; each hazard is then held to its own region's.
      const rows = await reader.escalationCandidates(at, walk.from, cutoff(settings.shortestCityEscalationDays()), scope, room, walk.after);
      if (rows.length < room) walk.done = true;
      const last = rows[rows.length - 1];
      if (last) walk.after = [last.deadline!, last.id];
      page.push(...rows);
    }
    if (page.length === 0) break;
    const candidates = page.filter((c) => c.escalation_level === null || c.escalated_at! <= cutoff(settings.for(c.region_code).cityEscalationAfterDays));
    if (candidates.length > 0) {
      // The callback may run again on a busy database: it returns its counts instead of adding them up.
      const done = await db.transaction().execute(async (trx) => {
        const repo = new HazardsRepository(trx);
        const departments = new Map<string, string[]>();
        for (const link of await new EnterprisesRepository(trx).supervisorLinks([...new Set(candidates.map((c) => c.enterprise_id))])) {
          departments.set(link.enterprise_id, [...(departments.get(link.enterprise_id) ?? []), link.unit_id]);
        }
        const batch = { toCounty: 0, toCity: 0 };
        for (const hazard of candidates) {
          const level: EscalationLevel = hazard.escalation_level === null ? 'county' : 'city';
          // A hazard changed meanwhile by someone else is left for the next run.
          if ((await repo.updateVersioned(hazard.id, hazard.version, { escalation_level: level, escalated_at: at, updated_at: at })) === 0) continue;
          await repo.insertEvent({
            id: randomUUID(),
            hazard_id: hazard.id,
            region_code: hazard.region_code,
            version: hazard.version + 1,
            type: 'escalated',
            from_status: hazard.status,
            to_status: hazard.status,
            actor_id: actor?.id ?? null,
            actor_name: actor?.displayName ?? null,
            actor_kind: 'system',
            at,
            payload: JSON.stringify({ level, escalatedTo: escalatedTo(hazard.region_code, level), departmentIds: departments.get(hazard.enterprise_id) ?? [], deadline: hazard.deadline, triggeredBy: actor ? hazardActorOf(actor).kind : 'schedule' }),
          });
          if (level === 'county') batch.toCounty += 1;
          else batch.toCity += 1;
        }
        if (batch.toCounty + batch.toCity > 0) await audit.record(trx, ctx, { action: 'hazard.escalate', objectType: 'hazard', detail: { ...batch, at }, ...(actor ? {} : { actorUsername: SCHEDULER_USERNAME }) });
        return batch;
      });
      outcome.toCounty += done.toCounty;
      outcome.toCity += done.toCity;
      outcome.escalated += done.toCounty + done.toCity;
    }
    if (walks.every((walk) => walk.done)) break;
  }
  return outcome;
}
