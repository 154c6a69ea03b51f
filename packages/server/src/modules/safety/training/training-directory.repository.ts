import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { AttendanceGroupKind } from './training.tables.js';

export interface AccountRow {
  id: string;
  display_name: string;
  home_region_code: string;
  department_id: string | null;
  enterprise_id: string | null;
}

/**
 * Names and accounts that training reads from the foundation's and the register's tables: who is
 * in a unit, what a unit, an enterprise or a region is called. Read-only; through a request's
 * handle every one of these tables is grounded, so a roster can only be drawn from the caller's ground.
 */
export class TrainingDirectoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Enabled accounts named, or belonging to one of the units. */
  accounts(userIds: readonly string[], unitIds: readonly string[]): Promise<AccountRow[]> {
    if (userIds.length === 0 && unitIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('users')
      .select(['id', 'display_name', 'home_region_code', 'department_id', 'enterprise_id'])
      .where('disabled', '=', 0)
      .where((eb) => eb.or([...(userIds.length ? [eb('id', 'in', [...userIds])] : []), ...(unitIds.length ? [eb('department_id', 'in', [...unitIds])] : [])]))
      .orderBy('id')
      .execute();
  }

  units(ids: readonly string[]): Promise<Array<{ id: string; name: string; region_code: string }>> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('units').select(['id', 'name', 'region_code']).where('id', 'in', [...new Set(ids)]).execute();
  }

  async names(kind: AttendanceGroupKind, ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows =
      kind === 'unit'
        ? await this.db.selectFrom('units').select(['id', 'name']).where('id', 'in', unique).execute()
        : kind === 'enterprise'
          ? await this.db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', unique).execute()
          : await this.db.selectFrom('regions').select(['code as id', 'name']).where('code', 'in', unique).execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async displayNames(userIds: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return new Map();
    const rows = await this.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }

  /** Departments with how many enabled accounts each has, for the organiser's picker. */
  async unitsWithMembers(): Promise<Array<{ id: string; name: string; members: number }>> {
    const rows = await this.db
      .selectFrom('units')
      .leftJoin('users', (join) => join.onRef('users.department_id', '=', 'units.id').on('users.disabled', '=', 0))
      .select(['units.id', 'units.name', sql<number>`count(users.id)`.as('members')])
      .groupBy(['units.id', 'units.name'])
      .orderBy('units.name')
      .limit(500)
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, members: Number(row.members) }));
  }

  enabledAccounts(limit: number): Promise<Array<{ id: string; display_name: string; unit_name: string | null }>> {
    return this.db
      .selectFrom('users')
      .leftJoin('units', 'units.id', 'users.department_id')
      .select(['users.id', 'users.display_name', 'units.name as unit_name'])
      .where('users.disabled', '=', 0)
      .orderBy('users.display_name')
      .orderBy('users.id')
      .limit(limit)
      .execute();
  }
}
