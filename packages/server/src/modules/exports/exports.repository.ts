import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ExportRequestTable } from './exports.tables.js';

export type ExportRequestRow = Selectable<ExportRequestTable>;

export interface ExportListFilter {
  limit: number;
  after?: [string, string];
  /** Only this requester's requests. */
  requesterId?: string;
  /** Only requests of others (an approver's queue leaves out their own). */
  notRequesterId?: string;
  decidedById?: string;
  status?: ExportRequestTable['status'];
}

/**
 * `export_requests` is grounded by the requester's home region. An approver reads through the
 * request's ground-scoped handle; a requester's own requests are read and written through the
 * unscoped handle narrowed to `requester_id` (see ExportsService: a ground of several subtrees has
 * its home region above them).
 */
export class ExportsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: Insertable<ExportRequestTable>) {
    return this.db.insertInto('export_requests').values(row).execute();
  }

  byId(id: string, requesterId?: string) {
    let query = this.db.selectFrom('export_requests').selectAll().where('id', '=', id);
    if (requesterId !== undefined) query = query.where('requester_id', '=', requesterId);
    return query.executeTakeFirst();
  }

  list(filter: ExportListFilter) {
    let query = this.db.selectFrom('export_requests').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit);
    if (filter.requesterId !== undefined) query = query.where('requester_id', '=', filter.requesterId);
    if (filter.notRequesterId !== undefined) query = query.where('requester_id', '<>', filter.notRequesterId);
    if (filter.decidedById !== undefined) query = query.where('decided_by_id', '=', filter.decidedById);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.after) {
      const [createdAt, id] = filter.after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('created_at', 'id'), '<', tuple(createdAt, id)));
    }
    return query.execute();
  }

  /** Changes a request from the status and version it was read in; 0 when someone else got there first. */
  async transition(id: string, from: { status: ExportRequestTable['status']; version: number }, changes: Updateable<ExportRequestTable>): Promise<number> {
    const result = await this.db
      .updateTable('export_requests')
      .set({ ...changes, version: from.version + 1 })
      .where('id', '=', id)
      .where('status', '=', from.status)
      .where('version', '=', from.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
