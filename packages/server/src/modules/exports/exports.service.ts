import { createHash, randomUUID } from 'node:crypto';
import {
  approvalRefusal,
  commonRegion,
  downloadDeadline,
  downloadRefusal,
  exportStatusAt,
  exportWatermark,
  needsApproval,
  type ExportFormat,
} from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, fieldError, forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import type { AuditService } from '../audit/audit.service.js';
import { ExportKinds, type ExportKind } from './exports.kinds.js';
import { ExportsRepository, type ExportRequestRow } from './exports.repository.js';
import type { DecisionBody, ExportListQuery, ExportOptions, ExportRequest } from './exports.schema.js';
import { CONTENT_TYPES, MAX_ROWS } from './formats/document.js';
import { WRITERS } from './formats/index.js';

export interface ProducedFile {
  exportId: string;
  bytes: Buffer;
  rows: number;
  sha256: string;
  fileName: string;
  /** The same name in ASCII, for clients that ignore `filename*`. */
  asciiName: string;
  contentType: string;
}

/** Either the file, at once, or the request that waits for approval. */
export type ExportOutcome = { file: ProducedFile } | { request: ExportRequest };

const tooMany = () => invalid(fieldError('filter', 'too_many_export_rows'));

/**
 * Every export of a list goes through here (SECURITY.md row 18, decision 0018): the caller must be
 * able to read the list; the filter's rows are counted within their ground; a list of persons longer
 * than the threshold becomes a request that another leader of the same ground approves with a
 * reason, after which the requester downloads it once within the window; every file carries a
 * watermark, and its audit row (row count, SHA-256 of the exact bytes served) is committed before
 * the file leaves the server.
 *
 * A requester's own requests are read and written through the unscoped handle narrowed to their
 * id: the request's region is the smallest region holding their whole ground, which for a ground
 * of several subtrees lies above it. Approvers go through the ground-scoped handle, and the rows of
 * every file come from the requester's ground-scoped handle.
 */
export class ExportsService {
  readonly kinds = new ExportKinds();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditService,
    private readonly settings: Config['exports'],
  ) {}

  async start<F extends object>(ctx: RequestContext, kind: ExportKind<F>, filter: F, options: ExportOptions): Promise<ExportOutcome> {
    const actor = ctx.actor!;
    if (!actor.permissions.includes(kind.readPermission)) throw forbidden();
    if (!kind.formats.includes(options.format)) throw invalid(fieldError('format', 'invalid'));
    const unmasked = options.unmasked === true;
    const reason = options.reason?.trim() || null;
    if (unmasked) {
      if (!kind.unmaskPermission || !actor.permissions.includes(kind.unmaskPermission)) throw forbidden();
      if (reason === null || Array.from(reason).length < 2) throw invalid(fieldError('reason', 'required'));
    }
    const rowCount = await kind.count(ctx, filter);
    if (rowCount > MAX_ROWS[options.format]) throw tooMany();
    const at = ctx.now().toISOString();
    const base = {
      id: randomUUID(),
      region_code: commonRegion(actor.ground.regionCodes) ?? '',
      kind: kind.kind,
      format: options.format,
      filter: JSON.stringify(filter),
      unmasked: unmasked ? 1 : 0,
      reason,
      row_count: rowCount,
      requester_id: actor.id,
      requester_name: actor.displayName,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    if (needsApproval(rowCount, kind.personal, this.settings.approvalRows)) {
      await this.db.transaction().execute(async (trx) => {
        await new ExportsRepository(trx).insert({ ...base, status: 'pending' });
        await this.audit.record(trx, ctx, {
          action: 'export.request',
          objectType: 'export',
          objectId: base.id,
          detail: { kind: kind.kind, format: options.format, rows: rowCount, filter, unmasked, ...(reason ? { reason } : {}), threshold: this.settings.approvalRows },
        });
      });
      const row = await new ExportsRepository(this.db).byId(base.id, actor.id);
      return { request: this.present(row!, actor, ctx.now()) };
    }
    const file = await this.produce(ctx, kind, filter, options.format, unmasked, base.id);
    await this.db.transaction().execute(async (trx) => {
      await new ExportsRepository(trx).insert({ ...base, status: 'downloaded', produced_at: at, file_rows: file.rows, file_sha256: file.sha256 });
      await this.audit.record(trx, ctx, this.producedEvent(kind, base.id, filter, options.format, unmasked, reason, file));
    });
    return { file };
  }

  async list(ctx: RequestContext, query: ExportListQuery) {
    const actor = ctx.actor!;
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const page = { limit: limit + 1, ...(after ? { after } : {}) };
    const box = query.box ?? 'mine';
    let rows: ExportRequestRow[] = [];
    if (box === 'mine') rows = await new ExportsRepository(this.db).list({ ...page, requesterId: actor.id });
    else if (actor.permissions.includes('exports:approve')) {
      rows = await new ExportsRepository(ctx.db).list(box === 'to_approve' ? { ...page, status: 'pending', notRequesterId: actor.id } : { ...page, decidedById: actor.id });
    }
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map((row) => this.present(row, actor, ctx.now())), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<ExportRequest> {
    return this.present(await this.visible(ctx, id), ctx.actor!, ctx.now());
  }

  async decide(ctx: RequestContext, id: string, body: DecisionBody, decision: 'approved' | 'rejected'): Promise<ExportRequest> {
    if (body.version === undefined) throw new AppError('version_required');
    const actor = ctx.actor!;
    const repo = new ExportsRepository(ctx.db);
    const row = await repo.byId(id);
    if (!row) throw notFound();
    const kind = this.kinds.get(row.kind);
    // An approver judges a list they can read themselves.
    if (!kind || !actor.permissions.includes(kind.readPermission)) throw forbidden();
    const refusal = approvalRefusal({ requesterId: row.requester_id, status: exportStatusAt(row.status, row.expires_at, ctx.now()) }, actor.id);
    if (refusal === 'own_request') throw new AppError('export_own_request');
    if (refusal === 'not_pending') throw new AppError('export_not_pending');
    if (row.version !== body.version) throw new AppError('version_conflict');
    const now = ctx.now();
    const reason = body.reason.trim();
    if (Array.from(reason).length < 2) throw invalid(fieldError('reason', 'too_short'));
    await ctx.db.transaction().execute(async (trx) => {
      const changes = {
        status: decision,
        decided_by_id: actor.id,
        decided_by_name: actor.displayName,
        decision_reason: reason,
        decided_at: now.toISOString(),
        expires_at: decision === 'approved' ? downloadDeadline(now, this.settings.downloadHours).toISOString() : null,
        updated_at: now.toISOString(),
      };
      if ((await new ExportsRepository(trx).transition(id, { status: 'pending', version: body.version! }, changes)) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, {
        action: decision === 'approved' ? 'export.approve' : 'export.reject',
        objectType: 'export',
        objectId: id,
        detail: { kind: row.kind, format: row.format, rows: row.row_count, unmasked: row.unmasked === 1, requester: row.requester_id, reason },
      });
    });
    return this.get(ctx, id);
  }

  /** The approved file, once, for its requester only; produced now from their ground. */
  async download(ctx: RequestContext, id: string): Promise<ProducedFile> {
    const actor = ctx.actor!;
    const row = await new ExportsRepository(this.db).byId(id, actor.id);
    if (!row) throw notFound();
    const refusal = downloadRefusal(exportStatusAt(row.status, row.expires_at, ctx.now()));
    if (refusal === 'not_approved') throw new AppError('export_not_approved');
    if (refusal === 'rejected') throw new AppError('export_rejected');
    if (refusal === 'gone') throw new AppError('export_gone');
    const kind = this.kinds.get(row.kind);
    if (!kind) throw notFound();
    const unmasked = row.unmasked === 1;
    // Permissions may have changed since the request: they are what they are now.
    if (!actor.permissions.includes(kind.readPermission)) throw forbidden();
    if (unmasked && (!kind.unmaskPermission || !actor.permissions.includes(kind.unmaskPermission))) throw forbidden();
    const filter = JSON.parse(row.filter) as object;
    const file = await this.produce(ctx, kind, filter, row.format, unmasked, row.id);
    const at = ctx.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const changes = { status: 'downloaded' as const, produced_at: at, file_rows: file.rows, file_sha256: file.sha256, updated_at: at };
      // A second download racing this one finds the request already taken.
      if ((await new ExportsRepository(trx).transition(id, { status: 'approved', version: row.version }, changes)) === 0) throw new AppError('export_gone');
      const event = this.producedEvent(kind, row.id, filter, row.format, unmasked, row.reason, file);
      await this.audit.record(trx, ctx, { ...event, detail: { ...event.detail, approvedBy: row.decided_by_id, approvedRows: row.row_count } });
    });
    return file;
  }

  private async visible(ctx: RequestContext, id: string): Promise<ExportRequestRow> {
    const actor = ctx.actor!;
    const own = await new ExportsRepository(this.db).byId(id, actor.id);
    if (own) return own;
    const inGround = actor.permissions.includes('exports:approve') ? await new ExportsRepository(ctx.db).byId(id) : undefined;
    if (!inGround) throw notFound();
    return inGround;
  }

  private async produce(ctx: RequestContext, kind: ExportKind<any>, filter: object, format: ExportFormat, unmasked: boolean, exportId: string): Promise<ProducedFile> {
    const actor = ctx.actor!;
    const now = ctx.now();
    const watermark = exportWatermark({ username: actor.username, displayName: actor.displayName, at: now, exportId, unmasked });
    let rows = 0;
    const max = MAX_ROWS[format];
    async function* counted(): AsyncIterable<string[][]> {
      for await (const page of kind.rows(ctx, filter, unmasked)) {
        rows += page.length;
        if (rows > max) throw tooMany();
        yield page;
      }
    }
    const bytes = await WRITERS[format]({ title: kind.title, watermark, columns: kind.columns(unmasked), pages: counted() });
    const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
    return { exportId, bytes, rows, sha256: createHash('sha256').update(bytes).digest('hex'), fileName: `${kind.title}-${stamp}.${format}`, asciiName: `${kind.kind}-${stamp}.${format}`, contentType: CONTENT_TYPES[format] };
  }

  private producedEvent(kind: ExportKind<any>, exportId: string, filter: object, format: ExportFormat, unmasked: boolean, reason: string | null, file: ProducedFile) {
    return {
      action: kind.action,
      objectType: 'export',
      objectId: exportId,
      detail: { kind: kind.kind, format, rows: file.rows, sha256: file.sha256, filter, unmasked, ...(reason ? { reason } : {}), requestId: exportId } as Record<string, unknown>,
    };
  }

  private present(row: ExportRequestRow, actor: Actor, now: Date): ExportRequest {
    const status = exportStatusAt(row.status, row.expires_at, now);
    const mine = row.requester_id === actor.id;
    return {
      id: row.id,
      kind: row.kind,
      title: this.kinds.get(row.kind)?.title ?? row.kind,
      format: row.format,
      filter: JSON.parse(row.filter) as Record<string, unknown>,
      unmasked: row.unmasked === 1,
      reason: row.reason,
      status,
      rowCount: Number(row.row_count),
      regionCode: row.region_code,
      requester: { id: row.requester_id, name: row.requester_name },
      decidedBy: row.decided_by_id ? { id: row.decided_by_id, name: row.decided_by_name ?? '' } : null,
      decisionReason: row.decision_reason,
      decidedAt: row.decided_at,
      expiresAt: row.expires_at,
      producedAt: row.produced_at,
      fileRows: row.file_rows === null ? null : Number(row.file_rows),
      fileSha256: row.file_sha256,
      mine,
      canDecide: !mine && status === 'pending' && actor.permissions.includes('exports:approve'),
      canDownload: mine && status === 'approved',
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: Number(row.version),
    };
  }
}
