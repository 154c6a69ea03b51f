import type { ExportFormat } from '@shoutu/domain';

export interface ExportColumn {
  /** Chinese header, as officials read it. */
  header: string;
  /** Width in spreadsheet characters; the PDF shares the page width in the same proportions. */
  width: number;
}

/** What every file writer receives: the rows arrive page by page, already masked or not. */
export interface ExportDocument {
  /** Sheet name and PDF title, e.g. 管控人员名单. */
  title: string;
  watermark: { zh: string; en: string; line: string };
  columns: readonly ExportColumn[];
  pages: AsyncIterable<string[][]>;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/**
 * Rows one file may hold: a PDF is for reading and printing, a spreadsheet for work. Laying out a
 * PDF holds the event loop (about 5 s for 1,000 rows of 18 columns), so longer lists go to CSV or XLSX.
 */
export const MAX_ROWS: Record<ExportFormat, number> = { csv: 100_000, xlsx: 100_000, pdf: 1_000 };
