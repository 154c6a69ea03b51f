import type { Insertable, Kysely } from 'kysely';
import type { Database, RegionTable } from '../../db/schema.js';

/** `regions` is a grounded table: through a request's handle, only the caller's subtrees are visible. */
export class RegionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  children(parentCode: string) {
    return this.db.selectFrom('regions').selectAll().where('parent_code', '=', parentCode).orderBy('code').execute();
  }

  byCode(code: string) {
    return this.db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  }

  byCodes(codes: readonly string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('regions').selectAll().where('code', 'in', codes).orderBy('code').execute();
  }

  async upsertMany(rows: Insertable<RegionTable>[]): Promise<void> {
    const batch = 500;
    for (let i = 0; i < rows.length; i += batch) {
      await this.db
        .insertInto('regions')
        .values(rows.slice(i, i + batch))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
            child_count: eb.ref('excluded.child_count'),
          })),
        )
        .execute();
    }
  }

  async countUnder(prefix: string): Promise<number> {
    const row = await this.db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code', '>=', prefix)
      .where('code', '<', `${prefix}~`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
