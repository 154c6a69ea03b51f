/**
 * Rules of list exports (SECURITY.md row 18; the 2020 leaks were authorised users exporting lists
 * of returnees). A list that describes natural persons and is longer than the threshold leaves the
 * system only after another official of the same ground approves it, once, within a time window.
 */

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Stored states; `expired` is derived from `approved` and the window, never written. */
export type StoredExportStatus = 'pending' | 'approved' | 'rejected' | 'downloaded';
export type ExportStatus = StoredExportStatus | 'expired';

/** Rows of personal data above which an export waits for approval (SECURITY.md row 18). */
export const DEFAULT_APPROVAL_ROWS = 1_000;
/** Hours an approved export stays downloadable. */
export const DEFAULT_DOWNLOAD_HOURS = 24;

/** Whether an export of `rows` rows needs an approval first: only lists of persons, only above the threshold. */
export function needsApproval(rows: number, personal: boolean, threshold: number): boolean {
  return personal && rows > threshold;
}

/** The status as of `now`: an approved export not fetched within its window has expired. */
export function exportStatusAt(status: StoredExportStatus, expiresAt: string | null, now: Date): ExportStatus {
  if (status === 'approved' && expiresAt !== null && now.toISOString() >= expiresAt) return 'expired';
  return status;
}

/** When an export approved at `approvedAt` stops being downloadable. */
export function downloadDeadline(approvedAt: Date, hours: number): Date {
  return new Date(approvedAt.getTime() + hours * 3_600_000);
}

export type ApprovalRefusal = 'own_request' | 'not_pending';

/**
 * Whether `approverId` may decide the request: never their own (four eyes), and only while it waits.
 * That the approver holds the approving permission and that the request lies in their ground is
 * checked where those live (the route and the ground scope).
 */
export function approvalRefusal(request: { requesterId: string; status: ExportStatus }, approverId: string): ApprovalRefusal | null {
  if (request.requesterId === approverId) return 'own_request';
  if (request.status !== 'pending') return 'not_pending';
  return null;
}

export type DownloadRefusal = 'not_approved' | 'rejected' | 'gone';

/** Whether the requester may fetch the file now: approved and neither fetched nor expired. */
export function downloadRefusal(status: ExportStatus): DownloadRefusal | null {
  switch (status) {
    case 'approved':
      return null;
    case 'pending':
      return 'not_approved';
    case 'rejected':
      return 'rejected';
    case 'downloaded':
    case 'expired':
      return 'gone';
  }
}

export interface WatermarkFacts {
  username: string;
  displayName: string;
  /** When the file was produced. */
  at: Date;
  /** The export's id, shown on the exports page and in the audit trail. */
  exportId: string;
  unmasked: boolean;
}

/**
 * The line every exported file carries (first row, header and footer, every page): who, when,
 * which export. The English half keeps a fixed shape so that tools and people can find it.
 */
export function exportWatermark(facts: WatermarkFacts): { zh: string; en: string; line: string } {
  const at = facts.at.toISOString();
  const zh = `导出人 ${facts.username}（${facts.displayName}），导出时间 ${at}，请求编号 ${facts.exportId}。${facts.unmasked ? '含未脱敏个人信息，' : '个人信息已脱敏，'}仅限工作使用，不得外传。`;
  const en = `exported by ${facts.username} at ${at}, request ${facts.exportId}`;
  return { zh, en, line: `${zh} / ${en}` };
}

/** A cell that a spreadsheet would run as a formula (CSV injection) is kept as text. */
export function csvSafeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  const safe = csvSafeCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
