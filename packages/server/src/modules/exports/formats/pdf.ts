import fs from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { AppError } from '../../../http/errors.js';
import type { ExportDocument } from './document.js';

/** Debian's fonts-noto-cjk: Simplified Chinese faces of Noto Sans CJK, embedded as a subset (decision 0018). */
const FONT_DIR = '/usr/share/fonts/opentype/noto';
const FONTS = {
  NotoSansCJK: {
    normal: [path.join(FONT_DIR, 'NotoSansCJK-Regular.ttc'), 'NotoSansCJKsc-Regular'],
    bold: [path.join(FONT_DIR, 'NotoSansCJK-Bold.ttc'), 'NotoSansCJKsc-Bold'],
  },
};
/** A4 landscape less 30 pt margins on each side. */
const TABLE_WIDTH = 841.89 - 60;
/** Thin rules between rows and narrow cell padding: eighteen columns fit across the page. */
const PADDING = 2;
const LAYOUT = {
  hLineWidth: (i: number) => (i === 1 ? 0.8 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => '#999999',
  paddingLeft: () => PADDING,
  paddingRight: () => PADDING,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

let fontsReady = false;
function useFonts(): void {
  if (fontsReady) return;
  if (!fs.existsSync(FONTS.NotoSansCJK.normal[0]!)) throw new AppError('unavailable');
  // The document definition is ours, but pdfmake may otherwise read any URL or file it names.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(`${FONT_DIR}/`));
  pdfmake.addFonts(FONTS as unknown as Parameters<typeof pdfmake.addFonts>[0]);
  fontsReady = true;
}

/**
 * A printable list: the watermark line heads every page, a large faint one crosses every page,
 * and the footer repeats the English line with the page number. Text is real text (not an image),
 * so the list stays searchable — and the personal-data scanner can read it.
 */
export async function writePdf(doc: ExportDocument): Promise<Buffer> {
  useFonts();
  const body: TableCell[][] = [doc.columns.map((column) => ({ text: column.header, bold: true }))];
  for await (const page of doc.pages) for (const row of page) body.push(row);
  const total = doc.columns.reduce((sum, column) => sum + column.width, 0);
  const content: Content[] = [
    { text: doc.title, fontSize: 12, bold: true, margin: [0, 0, 0, 6] },
    { table: { headerRows: 1, widths: doc.columns.map((column) => (column.width / total) * TABLE_WIDTH - 2 * PADDING), body }, layout: LAYOUT, fontSize: 6.5 },
  ];
  const pdf = pdfmake.createPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 36, 30, 30],
    defaultStyle: { font: 'NotoSansCJK', fontSize: 7 },
    info: { title: doc.title, author: '守土 Shoutu', subject: doc.watermark.en, keywords: doc.watermark.line },
    // Without a size pdfmake fits the text across the page's diagonal, so the whole line shows.
    watermark: { text: doc.watermark.en, opacity: 0.08 },
    header: () => ({ text: doc.watermark.zh, margin: [30, 14, 30, 0], fontSize: 7, color: '#c00000' }),
    footer: (current: number, pages: number) => ({ columns: [{ text: doc.watermark.en }, { text: `${current} / ${pages}`, alignment: 'right' }], margin: [30, 8, 30, 0], fontSize: 6.5, color: '#666666' }),
    content,
  });
  return pdf.getBuffer();
}
