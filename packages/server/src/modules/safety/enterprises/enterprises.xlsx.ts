import ExcelJS from 'exceljs';
import { creditCodeCheckChar } from '@shoutu/domain';
import { INDUSTRIES } from '../industries/industries.data.js';
import type { EnterpriseScale } from './enterprises.tables.js';

/** The import template's data columns, in order; the header is matched by its text, so columns may be moved. */
export const IMPORT_COLUMNS = [
  { key: 'creditCode', header: '统一社会信用代码', required: true, width: 24, help: '18 位代码（GB 32100-2015），校验位错误的行不会导入' },
  { key: 'name', header: '企业名称', required: true, width: 32, help: '营业执照上的全称' },
  { key: 'industryCode', header: '行业代码', required: true, width: 14, help: 'GB/T 4754-2017 门类字母加大类两位数字，如 C26；见“行业代码”表' },
  { key: 'regionCode', header: '所在村（社区）代码', required: true, width: 18, help: '12 位统计用区划代码，须在您的辖区内；见“村（社区）代码”表' },
  { key: 'park', header: '所在园区', required: false, width: 22, help: '如 连云港石化产业基地、徐圩新区；不在园区的留空' },
  { key: 'scale', header: '企业规模', required: false, width: 10, help: '大型、中型、小型或微型' },
  { key: 'hazardousChemicals', header: '涉及危险化学品', required: false, width: 14, help: '是 或 否（留空视为否）' },
  { key: 'majorHazardSource', header: '有重大危险源', required: false, width: 12, help: '是 或 否（留空视为否）' },
  { key: 'principalName', header: '主要负责人', required: false, width: 12, help: '姓名，加密保存，仅以脱敏形式显示' },
  { key: 'principalPhone', header: '主要负责人手机', required: false, width: 16, help: '11 位手机号码，加密保存，仅以脱敏形式显示' },
  { key: 'safetyOfficerName', header: '安全管理人员', required: false, width: 12, help: '姓名，加密保存，仅以脱敏形式显示' },
  { key: 'safetyOfficerPhone', header: '安全管理人员手机', required: false, width: 16, help: '11 位手机号码，加密保存，仅以脱敏形式显示' },
] as const;

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];
export const DATA_SHEET = '企业档案';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const SCALE_LABELS: Record<EnterpriseScale, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
const SCALE_BY_TEXT = new Map<string, EnterpriseScale>(
  (Object.entries(SCALE_LABELS) as Array<[EnterpriseScale, string]>).flatMap(([scale, label]) => [[label, scale], [label.slice(0, 1), scale], [scale, scale]]),
);

export function parseScale(text: string): EnterpriseScale | null | undefined {
  const value = text.trim().toLowerCase();
  return value === '' ? null : SCALE_BY_TEXT.get(value);
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', '无', 'n', 'no', 'false', '0', '']);

export function parseFlag(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  return YES.has(value) ? true : NO.has(value) ? false : undefined;
}

/** A header as people leave it: a trailing `*` or `（必填）` marks a required column and is not part of its name. */
export function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/[*＊]/g, '').replace(/[(（]必填[)）]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** A cell's value as the text a person typed: numbers without exponent, rich text joined, formulas by their result. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

export interface TemplateRegion {
  code: string;
  name: string;
  town: string;
  county: string;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

type WithValidations = { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } };

/** The import template: the data sheet with its headers, then 说明, the industry codes and the caller's communities. */
export async function buildTemplate(regions: readonly TemplateRegion[], maxRows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '守土 Shoutu';
  const data = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = IMPORT_COLUMNS.map((column) => ({ header: column.required ? `${column.header}*` : column.header, key: column.key, width: column.width }));
  data.getRow(1).font = { bold: true };
  data.getRow(1).fill = HEADER_FILL;
  IMPORT_COLUMNS.forEach((column, index) => {
    data.getCell(1, index + 1).note = column.help;
    // Text format keeps codes and phone numbers as typed (no 9.13E+17, no lost leading zeros).
    data.getColumn(index + 1).numFmt = '@';
  });
  const last = maxRows + 1;
  const validations = data as unknown as WithValidations;
  const letter = (key: ImportColumnKey) => String.fromCharCode(65 + IMPORT_COLUMNS.findIndex((column) => column.key === key));
  validations.dataValidations.add(`${letter('scale')}2:${letter('scale')}${last}`, { type: 'list', allowBlank: true, formulae: ['"大型,中型,小型,微型"'] });
  for (const key of ['hazardousChemicals', 'majorHazardSource'] as const) {
    validations.dataValidations.add(`${letter(key)}2:${letter(key)}${last}`, { type: 'list', allowBlank: true, formulae: ['"是,否"'] });
  }

  const notes = workbook.addWorksheet('说明');
  notes.columns = [{ width: 22 }, { width: 10 }, { width: 80 }];
  notes.addRow(['企业档案导入说明']).font = { bold: true, size: 14 };
  notes.addRow([`1. 在“${DATA_SHEET}”表第 2 行起每行填写一家企业，第 1 行表头不要修改；带 * 的列必填。`]);
  notes.addRow([`2. 单次最多导入 ${maxRows} 行；统一社会信用代码在文件内和系统中都不得重复。`]);
  notes.addRow(['3. 导入时可选择“全部成功才导入”（有任何错误则不导入任何行）或“仅导入正确的行”（错误行列入错误报告）。']);
  notes.addRow(['4. 未指定监管部门的企业，按“三个必须”行业监管对应关系自动确定监管部门。']);
  notes.addRow(['5. 负责人姓名和手机号码属于个人信息，系统加密保存，页面和导出文件中只显示脱敏后的内容。']);
  notes.addRow([]);
  notes.addRow(['列名', '是否必填', '填写要求']).font = { bold: true };
  for (const column of IMPORT_COLUMNS) notes.addRow([column.header, column.required ? '必填' : '选填', column.help]);
  notes.addRow([]);
  const sample = '91320703MA1QJ0YC2';
  notes.addRow(['示例', '', `统一社会信用代码 ${sample}${creditCodeCheckChar(sample)}（仅为格式示意）；行业代码 C26；所在村（社区）代码 12 位数字`]);

  const industries = workbook.addWorksheet('行业代码');
  industries.columns = [{ header: '行业代码', key: 'code', width: 12 }, { header: '行业名称（GB/T 4754-2017）', key: 'name', width: 44 }];
  industries.getRow(1).font = { bold: true };
  for (const industry of INDUSTRIES) industries.addRow(industry);

  const communities = workbook.addWorksheet('村（社区）代码');
  communities.columns = [
    { header: '村（社区）代码', key: 'code', width: 18 },
    { header: '名称', key: 'name', width: 28 },
    { header: '乡镇（街道）', key: 'town', width: 22 },
    { header: '县（区）', key: 'county', width: 20 },
  ];
  communities.getRow(1).font = { bold: true };
  communities.getColumn(1).numFmt = '@';
  for (const region of regions) communities.addRow(region);

  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export interface ErrorReportRow {
  row: number;
  column: string;
  code: string;
  message: { 'zh-CN': string; en: string };
  creditCode: string;
  name: string;
}

/** The per-row error report of an import, as a sheet the uploader corrects the file from. */
export async function buildErrorReport(errors: readonly ErrorReportRow[], summary: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '守土 Shoutu';
  const sheet = workbook.addWorksheet('导入错误', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [{ width: 8 }, { width: 24 }, { width: 32 }, { width: 20 }, { width: 36 }, { width: 44 }, { width: 24 }];
  sheet.addRow([summary]).font = { bold: true };
  const header = sheet.addRow(['行号', '统一社会信用代码（原文）', '企业名称（原文）', '列', '错误说明', 'Message', '错误代码']);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  for (const error of errors) sheet.addRow([error.row, error.creditCode, error.name, error.column, error.message['zh-CN'], error.message.en, error.code]);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
