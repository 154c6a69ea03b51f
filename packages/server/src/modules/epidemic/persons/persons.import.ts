import { createHash } from 'node:crypto';
import { PERSON_CATEGORIES } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, FIELD_ERRORS, fieldError, type FieldError, type FieldErrorCode } from '../../../http/errors.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import { normalizeHeader } from '../../safety/enterprises/enterprises.xlsx.js';
import { countRegistrations } from '../dashboard/counters.service.js';
import { CsvSyntaxError, parseCsv, type CsvRow } from './persons.csv.js';
import { checkPerson, DATE_FIELDS, type CheckedPerson, type PersonInput } from './persons.input.js';
import type { PlanOutcome } from './persons.measures.js';
import { PersonsRepository } from './persons.repository.js';
import { checkGrids, registrationRows, type RegistrationRows } from './persons.service.js';
import { PersonSealing } from './persons.sealing.js';
import { dayOfCell, readPersonSheet } from './persons.xlsx.js';

/** Columns of the import file, by their English header or the Chinese one a spreadsheet template uses. */
const COLUMNS: Record<string, keyof PersonInput> = {
  name: 'name', 姓名: 'name',
  idNumber: 'idNumber', 身份证号: 'idNumber', 身份证号码: 'idNumber',
  phone: 'phone', 手机号: 'phone', 手机号码: 'phone', 联系电话: 'phone',
  gridCode: 'gridCode', 网格代码: 'gridCode', 社区代码: 'gridCode',
  category: 'category', 类别: 'category', 人员类别: 'category',
  address: 'address', 住址: 'address', 现住址: 'address',
  gridWorkerId: 'gridWorkerId',
  onsetDate: 'onsetDate', 发病日期: 'onsetDate',
  lastExposureDate: 'lastExposureDate', 末次暴露日期: 'lastExposureDate', 最后接触日期: 'lastExposureDate',
  sampleDate: 'sampleDate', 采样日期: 'sampleDate',
  reportDate: 'reportDate', 报告日期: 'reportDate',
  arrivalDate: 'arrivalDate', 抵达日期: 'arrivalDate', 来返日期: 'arrivalDate',
};
const REQUIRED: (keyof PersonInput)[] = ['name', 'idNumber', 'phone', 'gridCode', 'category'];

/** A category typed by its Chinese name in a spreadsheet counts as its code. */
const CATEGORY_BY_NAME = new Map(PERSON_CATEGORIES.map((c) => [c.name['zh-CN'], c.code]));

/** One import at most; larger lists are split (and a request body of this size is already megabytes). */
export const MAX_IMPORT_ROWS = 50_000;
/** Enough for a user to fix a file; past this the same mistake is usually repeated. */
const MAX_REPORTED_ERRORS = 1_000;

/** all_or_nothing writes nothing when any row has an error; valid_rows_only writes the valid rows and reports the others. */
export type ImportMode = 'all_or_nothing' | 'valid_rows_only';

export type ImportFile = { format: 'csv'; text: string } | { format: 'xlsx'; bytes: Buffer };

export interface RowError extends FieldError {
  /** The spreadsheet row: the header is row 1. */
  row: number;
}

export interface ImportOutcome {
  mode: ImportMode;
  imported: number;
  /** Rows not imported because of an error. */
  rejected: number;
  errors: RowError[];
  truncated: boolean;
}

/** The file was refused as a whole; nothing was written. */
export class ImportRejectedError extends AppError {
  constructor(
    readonly rowErrors: RowError[],
    readonly truncated: boolean,
  ) {
    super('import_rejected');
  }
}

function rowError(row: number, field: string, code: FieldErrorCode): RowError {
  return { row, ...fieldError(field, code) };
}

/** Which person field each column holds; unknown or missing columns refuse the file. */
function readHeader(cells: string[]): { fields: (keyof PersonInput)[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const fields = cells.map((cell) => {
    const field = COLUMNS[normalizeHeader(cell)];
    if (!field) errors.push(rowError(1, cell.trim() || '(blank)', 'unknown_column'));
    return field!;
  });
  for (const field of REQUIRED) if (!fields.includes(field)) errors.push(rowError(1, field, 'missing_column'));
  return { fields, errors };
}

function sorted(errors: RowError[]): { errors: RowError[]; truncated: boolean } {
  errors.sort((a, b) => a.row - b.row);
  return { errors: errors.slice(0, MAX_REPORTED_ERRORS), truncated: errors.length > MAX_REPORTED_ERRORS };
}

/**
 * Imports a person list from CSV or .xlsx: every row is checked first (ID number, phone, grid in
 * the caller's ground, category, dates; duplicates within the file and against registered
 * persons), then either nothing is written (all_or_nothing with any error) or the valid rows are
 * written in one transaction — persons, their keys, first category and plan, the dashboard's
 * counters — with one audit row holding the row counts and the file's SHA-256.
 */
export class PersonsImport {
  private readonly sealing: PersonSealing;

  constructor(
    private readonly audit: AuditService,
    crypto: FieldCrypto,
  ) {
    this.sealing = new PersonSealing(crypto);
  }

  private async records(file: ImportFile): Promise<CsvRow[]> {
    if (file.format === 'xlsx') return readPersonSheet(file.bytes, MAX_IMPORT_ROWS);
    try {
      return parseCsv(file.text);
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new ImportRejectedError([rowError(error.row, 'row', 'invalid')], false);
      throw error;
    }
  }

  async run(ctx: RequestContext, file: ImportFile, mode: ImportMode): Promise<ImportOutcome> {
    const [header, ...data] = await this.records(file);
    if (!header) throw new ImportRejectedError([rowError(1, 'name', 'missing_column')], false);
    const { fields, errors } = readHeader(header.cells);
    if (errors.length > 0) throw new ImportRejectedError(errors, false);
    if (data.length > MAX_IMPORT_ROWS) throw new ImportRejectedError([rowError((data[MAX_IMPORT_ROWS]?.row ?? MAX_IMPORT_ROWS + 2), 'row', 'too_many_rows')], false);

    const now = ctx.now();
    const at = now.toISOString();
    const actorId = ctx.actor?.id ?? null;
    const rowErrors: RowError[] = [];
    const failed = new Set<number>();
    const fail = (error: RowError) => {
      rowErrors.push(error);
      failed.add(error.row);
    };
    const checked: { row: number; person: CheckedPerson; hash: string }[] = [];
    const firstRowOf = new Map<string, number>();
    const categoryColumn = fields.indexOf('category');
    const dateColumns = file.format === 'xlsx' ? fields.flatMap((field, i) => ((DATE_FIELDS as readonly string[]).includes(field) ? [i] : [])) : [];
    for (const record of data) {
      const input: Record<string, string> = { name: '', idNumber: '', phone: '', gridCode: '', category: '' };
      for (let i = 0; i < fields.length; i += 1) input[fields[i]!] = record.cells[i] ?? '';
      for (const i of dateColumns) input[fields[i]!] = dayOfCell(record.cells[i] ?? '');
      const category = record.cells[categoryColumn]?.trim() ?? '';
      input.category = CATEGORY_BY_NAME.get(category) ?? category;
      const { person, errors: problems } = checkPerson(input as unknown as PersonInput, now);
      for (const problem of problems) fail({ row: record.row, ...problem });
      if (!person) continue;
      const hash = this.sealing.idNumberHash(person.idNumber);
      const first = firstRowOf.get(hash);
      if (first !== undefined) {
        fail({ ...rowError(record.row, 'idNumber', 'duplicate_in_file'), message: { 'zh-CN': `${FIELD_ERRORS.duplicate_in_file['zh-CN']}（第 ${first} 行）`, en: `${FIELD_ERRORS.duplicate_in_file.en} (row ${first})` } });
        continue;
      }
      firstRowOf.set(hash, record.row);
      checked.push({ row: record.row, person, hash });
    }

    const gridProblems = await checkGrids(ctx.db, ctx, checked.map((c) => c.person.gridCode));
    const existing = await new PersonsRepository(ctx.db).idsByIdNumberHash(checked.map((c) => c.hash));
    for (const { row, person, hash } of checked) {
      const grid = gridProblems.get(person.gridCode);
      if (grid) fail(rowError(row, 'gridCode', grid));
      if (existing.has(hash)) fail(rowError(row, 'idNumber', 'person_exists'));
    }
    if (mode === 'all_or_nothing' && rowErrors.length > 0) this.reject(rowErrors);

    const planCache = new Map<string, PlanOutcome>();
    const valid = checked.filter((c) => !failed.has(c.row));
    let registrations: RegistrationRows[] = valid.map(({ person, hash }) => registrationRows(this.sealing, person, actorId, at, { idNumberHash: hash, planCache }));
    const sha256 = createHash('sha256').update(file.format === 'csv' ? file.text : file.bytes).digest('hex');
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new PersonsRepository(trx);
      const inserted = await repo.insertNew(registrations.map((r) => r.person));
      if (inserted.size !== registrations.length) {
        // Registered meanwhile, or outside the caller's ground (invisible to the check above).
        const skipped = valid.filter((c) => !inserted.has(c.hash)).map((c) => rowError(c.row, 'idNumber', 'person_exists'));
        if (mode === 'all_or_nothing') this.reject(skipped);
        for (const error of skipped) fail(error);
        registrations = registrations.filter((r) => inserted.has(r.person.id_number_hash));
      }
      await repo.insertHistory(registrations.map((r) => r.history));
      await repo.insertPlans(registrations.flatMap((r) => (r.plan ? [r.plan] : [])));
      await countRegistrations(trx, registrations.map((r) => r.facts));
      await this.audit.record(trx, ctx, {
        action: 'person.import',
        objectType: 'person',
        detail: { format: file.format, mode, rows: registrations.length, rejected: failed.size, sha256 },
      });
    });
    return { mode, imported: registrations.length, rejected: failed.size, ...sorted(rowErrors) };
  }

  private reject(errors: RowError[]): never {
    const { errors: reported, truncated } = sorted(errors);
    throw new ImportRejectedError(reported, truncated);
  }
}
