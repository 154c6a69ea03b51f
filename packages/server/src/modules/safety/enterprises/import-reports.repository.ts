import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { EnterpriseImportReportTable } from './enterprises.tables.js';

/** Error reports of imports; each belongs to the account that uploaded the file. */
export class ImportReportsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: Insertable<EnterpriseImportReportTable>): Promise<void> {
    await this.db.insertInto('enterprise_import_reports').values(row).execute();
  }

  byIdFor(id: string, actorId: string) {
    return this.db.selectFrom('enterprise_import_reports').selectAll().where('id', '=', id).where('actor_id', '=', actorId).executeTakeFirst();
  }

  async purgeBefore(cutoff: string): Promise<void> {
    await this.db.deleteFrom('enterprise_import_reports').where('created_at', '<', cutoff).execute();
  }
}
