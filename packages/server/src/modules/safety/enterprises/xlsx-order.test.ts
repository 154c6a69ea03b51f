import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { inStreamingOrder } from './xlsx-order.js';

async function workbook(rows: unknown[][], sheets = 2): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const data = book.addWorksheet('数据');
  for (const row of rows) data.addRow(row);
  for (let i = 1; i < sheets; i += 1) book.addWorksheet(`说明${i}`).addRow([1]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The archive's parts in stored order (folders left out). */
async function entryOrder(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
}

/** Every row of the first worksheet the streaming reader yields, as the importers read it. */
async function streamedRows(bytes: Buffer): Promise<unknown[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  const rows: unknown[][] = [];
  let sheets = 0;
  for await (const sheet of reader) {
    sheets += 1;
    if (sheets > 1) continue;
    for await (const row of sheet) rows.push((row.values as unknown[]).slice(1));
  }
  return rows;
}

describe('an uploaded workbook put in the streaming reader’s order', () => {
  it('comes with the relations, the workbook, the shared strings and the styles first, then the worksheets by number', async () => {
    const original = await workbook([['名称', '代码'], ['连云港某化工有限公司', '91320700MA1XXXXXX1']], 3);
    // exceljs stores the worksheets before the parts they need: the order the reader defers to temporary files.
    const before = await entryOrder(original);
    expect(before.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(before.indexOf('xl/workbook.xml'));
    const after = await entryOrder(await inStreamingOrder(original));
    expect(after.slice(0, 7)).toEqual(['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']);
    expect([...after].sort()).toEqual([...before].sort());
  });

  it('reads the same rows as the original', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`企业${i}`, i, i % 2 === 0 ? '是' : '否']);
    const original = await workbook([['名称', '序号', '重大危险源'], ...rows]);
    expect(await streamedRows(await inStreamingOrder(original))).toEqual(await streamedRows(original));
    expect((await streamedRows(await inStreamingOrder(original))).length).toBe(301);
  });

  it('gains an empty shared-strings part when the workbook has none, so that its worksheets are still read inline', async () => {
    const numbers = await workbook([[1, 2], [3, 4]], 1);
    expect(await entryOrder(numbers)).not.toContain('xl/sharedStrings.xml');
    const ordered = await inStreamingOrder(numbers);
    expect((await entryOrder(ordered)).slice(0, 3)).toEqual(['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml']);
    expect(await streamedRows(ordered)).toEqual([[1, 2], [3, 4]]);
  });

  it('refuses bytes that are not an archive', async () => {
    await expect(inStreamingOrder(Buffer.from('名称,代码\n'))).rejects.toThrow();
  });
});
