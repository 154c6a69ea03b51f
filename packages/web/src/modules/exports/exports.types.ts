export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export type ExportStatus = 'pending' | 'approved' | 'rejected' | 'downloaded' | 'expired';
export type ExportBox = 'mine' | 'to_approve' | 'decided';

export interface Official {
  id: string;
  name: string;
}

/** One export, as `GET /exports` answers it. */
export interface ExportRequest {
  id: string;
  kind: string;
  title: string;
  format: ExportFormat;
  filter: Record<string, unknown>;
  unmasked: boolean;
  reason: string | null;
  status: ExportStatus;
  rowCount: number;
  regionCode: string;
  requester: Official;
  decidedBy: Official | null;
  decisionReason: string | null;
  decidedAt: string | null;
  expiresAt: string | null;
  producedAt: string | null;
  fileRows: number | null;
  fileSha256: string | null;
  mine: boolean;
  canDecide: boolean;
  canDownload: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What starting an export answers: the file was saved, or a request waits for approval. */
export type ExportStarted = { kind: 'file'; rows: number; fileName: string } | { kind: 'request'; request: ExportRequest };
