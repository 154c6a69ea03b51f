import type { ExportFormat, Permission } from '@shoutu/domain';
import type { RequestContext } from '../../http/context.js';
import type { ExportColumn } from './formats/document.js';

/**
 * A list that can leave the system, registered by the module that owns it. The exports service
 * does the rest — permission, count, approval, watermark, file, audit — the same way for every list.
 */
export interface ExportKind<F extends object = Record<string, unknown>> {
  /** Stable name stored with each request, e.g. `persons`. */
  kind: string;
  /** Audit action of a produced file, e.g. `person.export`. */
  action: string;
  /** Sheet name, PDF title and file-name stem, e.g. 管控人员名单. */
  title: string;
  /** The caller must be able to read the list to export it (data:export alone is not enough). */
  readPermission: Permission;
  /** Who may export identifiers in full; null when the list cannot be unmasked. */
  unmaskPermission: Permission | null;
  /** The rows are natural persons: above the threshold an export waits for approval. */
  personal: boolean;
  formats: readonly ExportFormat[];
  /** Rows of the filter within the caller's ground (ctx.db is ground-scoped). */
  count(ctx: RequestContext, filter: F): Promise<number>;
  columns(unmasked: boolean): readonly ExportColumn[];
  /** The rows as text, page by page, masked unless `unmasked`. */
  rows(ctx: RequestContext, filter: F, unmasked: boolean): AsyncIterable<string[][]>;
}

/** The registered kinds, so that a download approved yesterday finds the list it was for. */
export class ExportKinds {
  private readonly kinds = new Map<string, ExportKind<any>>();

  register<F extends object>(kind: ExportKind<F>): ExportKind<F> {
    if (this.kinds.has(kind.kind)) throw new Error(`export kind ${kind.kind} registered twice`);
    this.kinds.set(kind.kind, kind);
    return kind;
  }

  get(name: string): ExportKind<any> | undefined {
    return this.kinds.get(name);
  }
}
