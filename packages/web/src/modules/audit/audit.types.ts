/** One row of the append-only, hash-chained audit trail. */
export interface AuditEntry {
  seq: number;
  at: string;
  actorUsername: string | null;
  ip: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: 'success' | 'failure';
  detail: object | null;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  /** ISO instants, inclusive. */
  from?: string;
  to?: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
}
