import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { IndustrySupervisionTable } from '../enterprises/enterprises.tables.js';

/** The "three musts" mapping: city-wide configuration, not grounded; writes are checked by the service. */
export class IndustrySupervisionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  all() {
    return this.db.selectFrom('industry_supervision').select(['id', 'industry_prefix', 'unit_id']).orderBy('industry_prefix').orderBy('unit_id').execute();
  }

  async insert(rows: Insertable<IndustrySupervisionTable>[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('industry_supervision').values(rows).execute();
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.db.deleteFrom('industry_supervision').where('id', 'in', ids).execute();
  }
}
