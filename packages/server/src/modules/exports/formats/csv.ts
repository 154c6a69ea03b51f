import { csvField } from '@shoutu/domain';
import type { ExportDocument } from './document.js';

/**
 * UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly; the first line is a
 * comment carrying the watermark, then the header, then the rows (RFC 4180 quoting, and no cell
 * that a spreadsheet would run as a formula).
 */
export async function writeCsv(doc: ExportDocument): Promise<Buffer> {
  const lines = [`\uFEFF# ${doc.watermark.line}`, doc.columns.map((column) => csvField(column.header)).join(',')];
  for await (const page of doc.pages) for (const row of page) lines.push(row.map(csvField).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
