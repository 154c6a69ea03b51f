import type { Me } from './api/auth.types';

/** Where a signed-in user goes first: a pending password change, then a pending TOTP enrolment, then `next`. */
export function landingPath(me: Me, next: string): string {
  if (me.mustChangePassword) return '/change-password';
  if (me.secondFactor === 'enrol') return '/enrol-totp';
  return next;
}
