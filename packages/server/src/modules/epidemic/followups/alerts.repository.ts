import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { AlertTable } from './followups.tables.js';

/** `alerts` is grounded by the grid that must act. */
export class AlertsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: Insertable<AlertTable>): Promise<void> {
    await this.db.insertInto('alerts').values(row).execute();
  }

  list(filter: { status?: 'open' | 'acknowledged'; regionCode?: string; limit: number }) {
    let query = this.db.selectFrom('alerts').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.regionCode) query = query.where('region_code', '>=', filter.regionCode).where('region_code', '<', `${filter.regionCode}~`);
    return query.execute();
  }

  async acknowledge(id: string, by: string | null, at: string): Promise<boolean> {
    const result = await this.db.updateTable('alerts').set({ status: 'acknowledged', acknowledged_by: by, acknowledged_at: at }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  byId(id: string) {
    return this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
