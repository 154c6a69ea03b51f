import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportDocument } from './document.js';

/** Excel's header/footer codes start with '&': a literal one is doubled. */
const headerText = (text: string) => text.replace(/&/g, '&&');

/**
 * A streamed workbook: the first row states who exported it, when and under which request, the
 * printed header and footer repeat it on every page, and the workbook properties carry it too, so
 * that a copy of the file still says where it came from.
 */
export async function writeXlsx(doc: ExportDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '守土 Shoutu';
  workbook.title = doc.title;
  workbook.subject = doc.watermark.en;
  workbook.description = doc.watermark.line;
  const mark = headerText(doc.watermark.line);
  const sheet = workbook.addWorksheet(doc.title, {
    headerFooter: { oddHeader: `&L${mark}`, oddFooter: `&L${mark}&R&P / &N`, evenHeader: `&L${mark}`, evenFooter: `&L${mark}&R&P / &N` },
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'landscape', printTitlesRow: '2:2' },
  });
  sheet.columns = doc.columns.map((column) => ({ width: column.width }));
  const first = sheet.addRow([doc.watermark.line]);
  first.font = { bold: true, color: { argb: 'FFC00000' } };
  first.commit();
  const header = sheet.addRow(doc.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  for await (const page of doc.pages) for (const row of page) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
