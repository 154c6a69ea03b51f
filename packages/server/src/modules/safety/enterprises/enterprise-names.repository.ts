import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * A page's rows with their enterprise's name, in their order, read by id after the page. A row
 * whose enterprise lies outside the caller's ground (the register is grounded) is left out, as a
 * join would leave it out. Lists read their page alone and the names after because, joined to the
 * register, SQLite built a Bloom filter over every enterprise of the ground for each page (its
 * planner expects the scan to run to the end, not to stop at the page): 14–17 ms a hazard page at
 * 50,000 enterprises, growing with them.
 */
export async function withEnterpriseNames<T extends { enterprise_id: string }>(db: Kysely<Database>, rows: T[]): Promise<Array<T & { enterprise_name: string }>> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((row) => row.enterprise_id))];
  const enterprises = await db.selectFrom('enterprises').select(['id', 'name']).where('id', 'in', ids).execute();
  const names = new Map(enterprises.map((enterprise) => [enterprise.id, enterprise.name]));
  return rows.flatMap((row) => {
    const name = names.get(row.enterprise_id);
    return name === undefined ? [] : [{ ...row, enterprise_name: name }];
  });
}
