import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { FollowupTable } from './followups.tables.js';

const CHUNK = 500;

/** `followups` is grounded by the person's grid. */
export class FollowupsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(rows: readonly Insertable<FollowupTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) await this.db.insertInto('followups').values(rows.slice(i, i + CHUNK)).execute();
  }

  ofPerson(personId: string) {
    return this.db.selectFrom('followups').selectAll().where('person_id', '=', personId).orderBy('followup_date', 'desc').orderBy('created_at', 'desc').execute();
  }

  /** Which of these persons were followed up on which days of [from, to]: no health data read. */
  async daysRecorded(personIds: readonly string[], from: string, to: string) {
    const rows = [];
    for (let i = 0; i < personIds.length; i += CHUNK) {
      rows.push(
        ...(await this.db
          .selectFrom('followups')
          .select(['person_id', 'followup_date'])
          .distinct()
          .where('person_id', 'in', personIds.slice(i, i + CHUNK))
          .where('followup_date', '>=', from)
          .where('followup_date', '<=', to)
          .execute()),
      );
    }
    return rows;
  }

  /** The follow-ups of these persons at which a sample was taken: the input of a release check. */
  async withTests(personIds: readonly string[]) {
    const rows = [];
    for (let i = 0; i < personIds.length; i += CHUNK) {
      rows.push(
        ...(await this.db
          .selectFrom('followups')
          .select(['person_id', 'followup_date', 'health_enc'])
          .where('person_id', 'in', personIds.slice(i, i + CHUNK))
          .where('test_taken', '=', 1)
          .execute()),
      );
    }
    return rows;
  }
}
