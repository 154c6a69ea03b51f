import type { HazardActor, Role } from '@shoutu/domain';
import type { Actor, RequestContext } from '../../../http/context.js';
import { forbidden } from '../../../http/errors.js';
import type { InspectionKind } from '../inspections/inspections.tables.js';

/**
 * Who may do what in risk control, inspections and hazard governance, beyond the route's
 * permission and the ground. The state machine (packages/domain) decides which step may follow
 * which and what only a regulator may do; this file says which accounts count as what.
 */

/** Roles that regulate enterprises (监管): they inspect, assign, accept and decide on extensions. */
const REGULATOR_ROLES: readonly Role[] = ['department_regulator', 'district_officer', 'town_officer'];

/** The actor as the state machine knows them. */
export function hazardActorOf(actor: Actor): HazardActor {
  if (actor.roles.some((role) => REGULATOR_ROLES.includes(role))) return { kind: 'regulator' };
  if (actor.roles.includes('enterprise_officer') && actor.ground.enterpriseId) return { kind: 'enterprise_safety_officer' };
  return { kind: 'other' };
}

/**
 * Grid workers report what they see (POST /hazards) but do not run the loop or keep risk points:
 * those belong to the enterprise and to its regulators.
 */
export function mayWorkOnEnterpriseSafety(actor: Actor): boolean {
  return hazardActorOf(actor).kind !== 'other';
}

export function requireEnterpriseSafetyActor(ctx: RequestContext): HazardActor {
  const actor = ctx.actor!;
  if (!mayWorkOnEnterpriseSafety(actor)) throw forbidden();
  return hazardActorOf(actor);
}

/**
 * A regulator inspection is made by a regulator; a self-inspection (自查) is the enterprise's own,
 * recorded by its safety officer or, on its behalf, by a regulator.
 */
export function mayRecordInspection(actor: Actor, kind: InspectionKind, enterpriseId: string): boolean {
  const { kind: actorKind } = hazardActorOf(actor);
  if (actorKind === 'regulator') return true;
  return kind === 'self' && actorKind === 'enterprise_safety_officer' && actor.ground.enterpriseId === enterpriseId;
}

/** 挂牌督办 is an act of a supervising department: a regulator who acts for one. */
export function listingUnitOf(actor: Actor): string | null {
  return hazardActorOf(actor).kind === 'regulator' ? (actor.ground.departmentId ?? null) : null;
}
