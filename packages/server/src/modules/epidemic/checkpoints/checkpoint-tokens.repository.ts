import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { CheckpointTokenTable } from './checkpoints.tables.js';

const LISTED = ['id', 'checkpoint_id', 'region_code', 'name', 'created_by', 'created_at', 'last_used_at', 'revoked_at', 'revoked_by'] as const;

/** `checkpoint_tokens` is grounded by the checkpoint's region. The token's hash never leaves this file. */
export class CheckpointTokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: Insertable<CheckpointTokenTable>): Promise<void> {
    await this.db.insertInto('checkpoint_tokens').values(row).execute();
  }

  ofCheckpoint(checkpointId: string) {
    return this.db.selectFrom('checkpoint_tokens').select(LISTED).where('checkpoint_id', '=', checkpointId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  }

  byId(checkpointId: string, id: string) {
    return this.db.selectFrom('checkpoint_tokens').select(LISTED).where('checkpoint_id', '=', checkpointId).where('id', '=', id).executeTakeFirst();
  }

  /** The live token with this hash (through the unscoped handle: a device has no ground until it is known). */
  live(tokenHash: string) {
    return this.db.selectFrom('checkpoint_tokens').select(['id', 'checkpoint_id', 'region_code', 'name', 'last_used_at']).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  }

  async revoke(id: string, by: string | null, at: string): Promise<boolean> {
    const result = await this.db.updateTable('checkpoint_tokens').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('checkpoint_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
