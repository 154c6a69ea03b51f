import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { HazardPhotoTable } from './hazards.tables.js';

export type HazardPhotoRow = Selectable<HazardPhotoTable>;

/** The photos' SQL; `hazard_photos` is grounded by the hazard's region. */
export class HazardPhotosRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: Insertable<HazardPhotoTable>): Promise<void> {
    await this.db.insertInto('hazard_photos').values(row).execute();
  }

  byId(hazardId: string, photoId: string): Promise<HazardPhotoRow | undefined> {
    return this.db.selectFrom('hazard_photos').selectAll().where('hazard_id', '=', hazardId).where('id', '=', photoId).executeTakeFirst();
  }

  ofHazard(hazardId: string): Promise<HazardPhotoRow[]> {
    return this.db.selectFrom('hazard_photos').selectAll().where('hazard_id', '=', hazardId).orderBy('uploaded_at').orderBy('id').execute();
  }

  /** Of these ids, the ones that are photos of the hazard. */
  async idsOf(hazardId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('hazard_photos').select('id').where('hazard_id', '=', hazardId).where('id', 'in', ids).execute();
    return new Set(rows.map((row) => row.id));
  }

  /** Whether any row names this content; run on the system handle, since rows of any ground count. */
  async isReferenced(sha256: string): Promise<boolean> {
    return (await this.db.selectFrom('hazard_photos').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined;
  }
}
