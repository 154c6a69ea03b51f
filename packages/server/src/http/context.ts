import type { Kysely } from 'kysely';
import type { Ground, Permission, Role } from '@shoutu/domain';
import type { Database } from '../db/schema.js';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  ground: Ground;
  mustChangePassword: boolean;
  /** An admin's session before TOTP enrolment: it reaches only the enrolment routes (SECURITY.md row 4). */
  secondFactorPending: boolean;
  sessionTokenHash: string;
  /** A gate device signed in with its checkpoint's API token (decision 0025): it speaks for that checkpoint only. */
  device?: { tokenId: string; checkpointId: string };
}

/**
 * What a service needs to know about the request: who acts, from where, and the database handle
 * already scoped to the actor's ground (an anonymous request's handle sees no grounded rows).
 */
export interface RequestContext {
  actor: Actor | null;
  db: Kysely<Database>;
  ip: string | null;
  requestId: string;
  now(): Date;
}

export type Transaction = Kysely<Database>;
