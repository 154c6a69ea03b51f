import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { regionPrefix, type AccountabilityStatus, type AccountabilityTriggerKind } from '@shoutu/domain';
import type { Database } from '../../../db/schema.js';
import type { AccountabilityRecordTable } from './accountability.tables.js';

export type RecordRow = Selectable<AccountabilityRecordTable>;

const IN_BATCH = 500;

export interface RecordFilter {
  status?: AccountabilityStatus;
  triggerKind?: AccountabilityTriggerKind;
  regionCode?: string;
}

/** Accountability records; grounded by the trigger's region. */
export class AccountabilityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Newest first. */
  list(filter: RecordFilter, page: { limit: number; after?: [string, string] }) {
    let query = this.db.selectFrom('accountability_records').selectAll();
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.triggerKind !== undefined) query = query.where('trigger_kind', '=', filter.triggerKind);
    if (filter.regionCode !== undefined) {
      const prefix = regionPrefix(filter.regionCode);
      query = query.where('region_code', '>=', prefix).where('region_code', '<', `${prefix}~`);
    }
    if (page.after) {
      const [createdAt, id] = page.after;
      query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(createdAt, id)));
    }
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  }

  byId(id: string) {
    return this.db.selectFrom('accountability_records').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The trigger keys among `keys` that already have a record. */
  async decidedKeys(keys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += IN_BATCH) {
      const rows = await this.db.selectFrom('accountability_records').select('trigger_key').distinct().where('trigger_key', 'in', keys.slice(i, i + IN_BATCH)).execute();
      for (const row of rows) if (row.trigger_key !== null) found.add(row.trigger_key);
    }
    return found;
  }

  async insert(row: Insertable<AccountabilityRecordTable>): Promise<void> {
    await this.db.insertInto('accountability_records').values(row).execute();
  }

  async updateVersioned(id: string, version: number, changes: Updateable<AccountabilityRecordTable>): Promise<number> {
    const result = await this.db.updateTable('accountability_records').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
