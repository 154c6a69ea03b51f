import { ADMIN_ROLES, type Role } from '@shoutu/domain';
import * as OTPAuth from 'otpauth';

/** The associated data the TOTP secret is encrypted under: a ciphertext cannot be moved to another field. */
export const TOTP_SECRET_FIELD = 'users.totp_secret';

// RFC 6238 defaults, the only parameters every authenticator app understands.
function totpOf(secret: string, label = 'Shoutu'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: 'Shoutu', label, algorithm: 'SHA1', digits: 6, period: 30, secret });
}

/** A new random 160-bit secret, base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function otpauthUrl(secret: string, username: string): string {
  return totpOf(secret, username).toString();
}

/**
 * The time step a code belongs to, or null when it matches no step within one either side of
 * `at` (clock drift of up to 30 s). Callers refuse a step at or below the last one accepted, so
 * that a code works once.
 */
export function matchingStep(secret: string, code: string, at: Date): number | null {
  const totp = totpOf(secret);
  const delta = totp.validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : totp.counter({ timestamp: at.getTime() }) + delta;
}

/** The code an authenticator app shows at `at` (tests use it with the fake clock). */
export function totpCode(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

export function isAdminAccount(roles: readonly Role[]): boolean {
  return roles.some((role) => ADMIN_ROLES.includes(role));
}
