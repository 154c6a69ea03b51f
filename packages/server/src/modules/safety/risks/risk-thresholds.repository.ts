import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RiskThresholdsTable } from './risks.tables.js';

export type RiskThresholdsRow = Selectable<RiskThresholdsTable>;

/** The risk bands' SQL; `risk_thresholds` is grounded by the region the bands are set for. */
export class RiskThresholdsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  byRegions(codes: readonly string[]): Promise<RiskThresholdsRow[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('risk_thresholds').selectAll().where('region_code', 'in', codes).execute();
  }

  async insert(row: Insertable<RiskThresholdsTable>): Promise<void> {
    await this.db.insertInto('risk_thresholds').values(row).execute();
  }

  async updateVersioned(regionCode: string, version: number, changes: Updateable<RiskThresholdsTable>): Promise<number> {
    const result = await this.db.updateTable('risk_thresholds').set({ ...changes, version: version + 1 }).where('region_code', '=', regionCode).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
