import { hash, verify } from '@node-rs/argon2';
import { checkPasswordPolicy } from '@shoutu/domain';
import { AppError, fieldError, type FieldErrorCode } from '../../http/errors.js';

// @node-rs/argon2 exports its algorithms as a const enum, which isolated modules cannot read; 2 is Argon2id.
const ARGON2ID = 2;
// Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verifying against this when a username is unknown keeps the answer time the same. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('shoutu-dummy-password-for-timing');
  return dummyHash;
}

export function assertPasswordPolicy(password: string, username: string, field = 'password'): void {
  const problems = checkPasswordPolicy(password, { username });
  if (problems.length) {
    throw new AppError('validation_failed', problems.map((p) => fieldError(field, `password_${p}` as FieldErrorCode)));
  }
}
