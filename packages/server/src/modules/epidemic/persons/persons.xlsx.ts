import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { PERSON_CATEGORIES } from '@shoutu/domain';
import { AppError } from '../../../http/errors.js';
// The spreadsheet helpers of the enterprise import: one zip-bomb guard and one way of reading a cell.
import { cellText, normalizeHeader, type TemplateRegion } from '../../safety/enterprises/enterprises.xlsx.js';
import { assertSafeXlsx, XlsxRejected } from '../../safety/enterprises/xlsx-guard.js';
import { inStreamingOrder } from '../../safety/enterprises/xlsx-order.js';
import type { CsvRow } from './persons.csv.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATA_SHEET = '人员名单';

/** The template's columns in order; the import matches headers by text (persons.import.ts), so columns may move. */
const TEMPLATE_COLUMNS = [
  { header: '姓名', required: true, width: 12, help: '姓名，加密保存，页面只显示姓氏' },
  { header: '身份证号', required: true, width: 22, help: '18 位居民身份证号码（GB 11643-1999），校验位错误的行不会导入；同一号码即同一人' },
  { header: '手机号', required: true, width: 15, help: '11 位手机号码，加密保存，脱敏显示' },
  { header: '网格代码', required: true, width: 16, help: '12 位社区（村）代码，须在您的辖区内；见“网格代码”表' },
  { header: '类别', required: true, width: 18, help: '人员类别名称或代码，见“人员类别”表' },
  { header: '住址', required: false, width: 30, help: '现住址，加密保存' },
  { header: '发病日期', required: false, width: 12, help: 'YYYY-MM-DD' },
  { header: '末次暴露日期', required: false, width: 14, help: '密接、次密接必填（管控期从此日起算），YYYY-MM-DD' },
  { header: '采样日期', required: false, width: 12, help: '确诊、无症状感染者的阳性采样日期，YYYY-MM-DD' },
  { header: '报告日期', required: false, width: 12, help: '留空为导入当天，YYYY-MM-DD' },
  { header: '抵达日期', required: false, width: 12, help: '重点地区来返人员的抵达日期，YYYY-MM-DD' },
] as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

type WithValidations = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

/** The import template: the list sheet with its headers, then 说明, the categories and the grids of the caller's ground. */
export async function buildPersonTemplate(regions: readonly TemplateRegion[], maxRows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '守土 Shoutu';
  const data = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = TEMPLATE_COLUMNS.map((column) => ({ header: column.required ? `${column.header}*` : column.header, width: column.width }));
  data.getRow(1).font = { bold: true };
  data.getRow(1).fill = HEADER_FILL;
  TEMPLATE_COLUMNS.forEach((column, index) => {
    data.getCell(1, index + 1).note = column.help;
    // Text keeps ID numbers, phones, codes and dates as typed (no 3.2E+17, no date serials).
    data.getColumn(index + 1).numFmt = '@';
  });
  const names = PERSON_CATEGORIES.map((c) => c.name['zh-CN']);
  (data as unknown as WithValidations).dataValidations.add(`E2:E${maxRows + 1}`, { type: 'list', allowBlank: false, formulae: [`"${names.join(',')}"`] });

  const notes = workbook.addWorksheet('说明');
  notes.columns = [{ width: 16 }, { width: 10 }, { width: 80 }];
  notes.addRow(['管控人员名单导入说明']).font = { bold: true, size: 14 };
  notes.addRow([`1. 在“${DATA_SHEET}”表第 2 行起每行填写一人，第 1 行表头不要修改；带 * 的列必填。也可上传同样表头的 CSV（UTF-8）文件。`]);
  notes.addRow([`2. 单次最多导入 ${maxRows} 行；身份证号在文件内和系统中都不得重复，已登记的人员会列为错误行。`]);
  notes.addRow(['3. 导入时可选择“全部成功才导入”（有任何错误则不导入任何行）或“仅导入正确的行”（错误行逐行列出）。']);
  notes.addRow(['4. 管控措施和解除日期由系统按防控方案版本自动计算，不需要填写。']);
  notes.addRow(['5. 身份证号、手机号和住址属于个人信息，系统加密保存，页面只显示脱敏后的内容。']);
  notes.addRow([]);
  notes.addRow(['列名', '是否必填', '填写要求']).font = { bold: true };
  for (const column of TEMPLATE_COLUMNS) notes.addRow([column.header, column.required ? '必填' : '选填', column.help]);

  const categories = workbook.addWorksheet('人员类别');
  categories.columns = [{ header: '类别', width: 28 }, { header: '代码', width: 20 }];
  categories.getRow(1).font = { bold: true };
  for (const category of PERSON_CATEGORIES) categories.addRow([category.name['zh-CN'], category.code]);

  const grids = workbook.addWorksheet('网格代码');
  grids.columns = [{ header: '社区（村）代码', width: 18 }, { header: '名称', width: 28 }, { header: '乡镇（街道）', width: 22 }, { header: '县（区）', width: 20 }];
  grids.getRow(1).font = { bold: true };
  grids.getColumn(1).numFmt = '@';
  for (const region of regions) grids.addRow([region.code, region.name, region.town, region.county]);

  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const SERIAL = /^\d{5}(\.\d+)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A date column's cell as a calendar day: the streaming reader skips styles, so a cell Excel
 * keeps as a date arrives as its serial number of days since 1899-12-30. Anything else is left
 * as typed for the date check to judge.
 */
export function dayOfCell(text: string): string {
  return SERIAL.test(text) ? new Date(EXCEL_EPOCH_MS + Math.floor(Number(text)) * 86_400_000).toISOString().slice(0, 10) : text;
}

/** A date cell as the calendar day typed: Excel keeps a day as midnight UTC. */
function cellValue(value: ExcelJS.CellValue | undefined): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cellText(value).trim();
}

/**
 * The first sheet of an uploaded workbook as rows of text, read with exceljs's streaming reader
 * after the archive passed the zip-bomb guard (its parts put in the order that reader needs, xlsx-order.ts); the header row comes first, the rows keep the
 * numbers a spreadsheet shows. Headers lose the `*` of required columns.
 */
export async function readPersonSheet(bytes: Buffer, maxRows: number): Promise<CsvRow[]> {
  try {
    await assertSafeXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxRejected) throw new AppError(error.reason === 'too_large' ? 'import_too_large' : 'import_invalid_file');
    throw error;
  }
  const rows: CsvRow[] = [];
  let sheets = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(await inStreamingOrder(bytes)), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
    for await (const sheet of reader) {
      sheets += 1;
      // Only the first sheet holds the list; 说明 and the code sheets are read past.
      if (sheets > 1) continue;
      for await (const row of sheet) {
        // exceljs numbers cells from 1: index 0 of `values` is empty.
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
        if (cells.every((cell) => cell === '')) continue;
        if (rows.length === 0) {
          rows.push({ row: row.number, cells: cells.map(normalizeHeader) });
          continue;
        }
        // One more than the limit is enough to refuse the file.
        if (rows.length > maxRows + 1) break;
        rows.push({ row: row.number, cells });
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('import_invalid_file');
  }
  if (sheets === 0) throw new AppError('import_invalid_file');
  return rows;
}
