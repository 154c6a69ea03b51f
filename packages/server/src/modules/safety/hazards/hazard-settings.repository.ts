import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { HazardSettingsTable } from './hazards.tables.js';

export type HazardSettingsRow = Selectable<HazardSettingsTable>;

/** The hazard settings' SQL; `hazard_settings` is grounded by the region the settings are made for. */
export class HazardSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every row: one per city or province that set its own, so a handful. */
  all(): Promise<HazardSettingsRow[]> {
    return this.db.selectFrom('hazard_settings').selectAll().execute();
  }

  byRegion(regionCode: string): Promise<HazardSettingsRow | undefined> {
    return this.db.selectFrom('hazard_settings').selectAll().where('region_code', '=', regionCode).executeTakeFirst();
  }

  async insert(row: Insertable<HazardSettingsTable>): Promise<void> {
    await this.db.insertInto('hazard_settings').values(row).execute();
  }

  async updateVersioned(regionCode: string, version: number, changes: Updateable<HazardSettingsTable>): Promise<number> {
    const result = await this.db.updateTable('hazard_settings').set({ ...changes, version: version + 1 }).where('region_code', '=', regionCode).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
