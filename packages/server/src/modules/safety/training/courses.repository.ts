import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { CourseKind, TrainingCourseTable } from './training.tables.js';

export type CourseRow = Selectable<TrainingCourseTable>;

export interface CourseFilter {
  q?: string;
  kind?: CourseKind;
}

/** The course library's SQL. The table is not grounded: the library is shared (decision 0016). */
export class CoursesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  byId(id: string): Promise<CourseRow | undefined> {
    return this.db.selectFrom('training_courses').selectAll().where('id', '=', id).executeTakeFirst();
  }

  byIds(ids: readonly string[]): Promise<CourseRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('training_courses').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  }

  /** Newest first; `q` is matched as a literal part of the title or the source. */
  list(filter: CourseFilter, page: { limit: number; after?: [string, string] }): Promise<CourseRow[]> {
    const pattern = filter.q === undefined ? null : `%${filter.q.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
    let query = this.db
      .selectFrom('training_courses')
      .selectAll()
      .$if(pattern !== null, (q) => q.where(sql<boolean>`(lower(title) like ${pattern} escape '!' or lower(source) like ${pattern} escape '!')`))
      .$if(filter.kind !== undefined, (q) => q.where('kind', '=', filter.kind!))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit);
    if (page.after) {
      const [createdAt, id] = page.after;
      query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
    }
    return query.execute();
  }

  async insert(row: Insertable<TrainingCourseTable>): Promise<void> {
    await this.db.insertInto('training_courses').values(row).execute();
  }

  /** Writes only over the version read; 0 when someone else wrote first. */
  async updateVersioned(id: string, version: number, changes: Updateable<TrainingCourseTable>): Promise<number> {
    const result = await this.db.updateTable('training_courses').set({ ...changes, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
