import JSZip from 'jszip';

/** The parts exceljs's streaming reader must have read before any worksheet, in the order it reads them. */
const FIRST_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const NO_SHARED_STRINGS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';
const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/** No folder entries of its own: the archive holds the parts it had and nothing else. */
const PARTS_ONLY = { createFolders: false };

/**
 * exceljs 4.4's streaming reader (`stream.xlsx.WorkbookReader`) takes an archive's entries in
 * stored order. A worksheet stored before the shared strings and the workbook's relations — as
 * exceljs itself, and so our templates, store them — is copied to a temporary file and read after
 * the last entry, and that path races (exceljs#3064): under load about 1 % of the reads of a valid
 * template failed with "reading 'sheets'" (refused as not a workbook, session 6: 25 of 3,000 with a
 * busy event loop), and some ended in an unhandled ENOENT of the temporary file, which stops the
 * process. So the archive, once the zip-bomb guard has passed it, is rewritten uncompressed with
 * those parts first, the worksheets next in their numbered order and everything else after (and an
 * empty shared-strings part if it has none): every worksheet is then read inline, in one pass
 * (0 failures in 3,000 reads under the same load).
 */
export async function inStreamingOrder(bytes: Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((name) => !source.files[name]!.dir);
  const sheets = names.filter((name) => WORKSHEET.test(name)).sort((a, b) => sheetNumber(a) - sheetNumber(b));
  const rest = names.filter((name) => !FIRST_PARTS.includes(name) && !WORKSHEET.test(name));
  const ordered = new JSZip();
  for (const name of FIRST_PARTS) {
    const file = source.file(name);
    if (file) ordered.file(name, await file.async('nodebuffer'), PARTS_ONLY);
    else if (name === SHARED_STRINGS) ordered.file(name, NO_SHARED_STRINGS, PARTS_ONLY);
  }
  for (const name of [...sheets, ...rest]) ordered.file(name, await source.file(name)!.async('nodebuffer'), PARTS_ONLY);
  return ordered.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

function sheetNumber(name: string): number {
  return Number(WORKSHEET.exec(name)![1]);
}
