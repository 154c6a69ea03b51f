import { createHash } from 'node:crypto';

/** Every row's hash covers the previous row's hash, so removing or changing a row breaks the chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  at: string;
  actor_id: string | null;
  actor_username: string | null;
  ip: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'failure';
  detail: string | null;
}

export function chainHash(prevHash: string, row: ChainedFields): string {
  const canonical = JSON.stringify([
    row.at,
    row.actor_id,
    row.actor_username,
    row.ip,
    row.action,
    row.object_type,
    row.object_id,
    row.result,
    row.detail,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
