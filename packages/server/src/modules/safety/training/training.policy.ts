import { commonRegion, isWithinGround } from '@shoutu/domain';
import type { Actor } from '../../../http/context.js';

/**
 * Who may do what in training, beyond the route's permission and the ground: organisers
 * (`training:manage`: regulators and the system admin) keep the library and run sessions; everyone
 * with `training:attend` records their own minutes; an enterprise officer keeps the certificates
 * of their own enterprise and sees only the sessions they are on the roster of.
 */

/** The region an account acts for when it adds something: the smallest region holding its ground, if that lies inside it. */
export function homeRegionOf(actor: Actor): string {
  const common = commonRegion(actor.ground.regionCodes);
  return common !== null && isWithinGround(common, actor.ground) ? common : actor.ground.regionCodes[0]!;
}

export function mayOrganise(actor: Actor): boolean {
  return actor.permissions.includes('training:manage');
}

/** A course is changed by an organiser whose ground holds the region it was added for. */
export function mayEditCourse(actor: Actor, ownerRegionCode: string): boolean {
  return mayOrganise(actor) && isWithinGround(ownerRegionCode, actor.ground);
}

/** An enterprise officer's training world is their own enterprise. */
export function ownEnterpriseOf(actor: Actor): string | null {
  return actor.ground.enterpriseId ?? null;
}
