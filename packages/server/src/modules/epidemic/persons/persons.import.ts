import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../http/context.js';
import { AppError, FIELD_ERRORS, fieldError, type FieldError, type FieldErrorCode } from '../../../http/errors.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import { countRegistrations } from '../dashboard/counters.service.js';
import { CsvSyntaxError, parseCsv } from './persons.csv.js';
import { checkPerson, type CheckedPerson, type PersonInput } from './persons.input.js';
import type { PlanOutcome } from './persons.measures.js';
import { PersonsRepository } from './persons.repository.js';
import { checkGrids, registrationRows, type RegistrationRows } from './persons.service.js';
import { PersonSealing } from './persons.sealing.js';

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

/** One import at most; larger lists are split (and a request body of this size is already megabytes). */
export const MAX_IMPORT_ROWS = 50_000;
/** Enough for a user to fix a file; past this the same mistake is usually repeated. */
const MAX_REPORTED_ERRORS = 1_000;

export interface RowError extends FieldError {
  /** The spreadsheet row: the header is row 1. */
  row: number;
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
    const field = COLUMNS[cell.trim()];
    if (!field) errors.push(rowError(1, cell.trim() || '(blank)', 'unknown_column'));
    return field!;
  });
  for (const field of REQUIRED) if (!fields.includes(field)) errors.push(rowError(1, field, 'missing_column'));
  return { fields, errors };
}

/**
 * Imports a person list all-or-nothing: every row is checked first (ID number, phone, grid in the
 * caller's ground, category, dates; duplicates within the file and against registered persons),
 * and only a file without errors is written, in one transaction with one audit row. Rows are
 * encrypted once and inserted in batches, so 10,000 rows take seconds, not the half hour SORMAS
 * users waited for 230.
 */
export class PersonsImport {
  private readonly sealing: PersonSealing;

  constructor(
    private readonly audit: AuditService,
    crypto: FieldCrypto,
  ) {
    this.sealing = new PersonSealing(crypto);
  }

  async run(ctx: RequestContext, text: string): Promise<{ imported: number }> {
    let records;
    try {
      records = parseCsv(text);
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw new ImportRejectedError([rowError(error.row, 'row', 'invalid')], false);
      throw error;
    }
    const [header, ...data] = records;
    if (!header) throw new ImportRejectedError([rowError(1, 'name', 'missing_column')], false);
    const { fields, errors } = readHeader(header.cells);
    if (errors.length > 0) throw new ImportRejectedError(errors, false);
    if (data.length > MAX_IMPORT_ROWS) throw new ImportRejectedError([rowError(MAX_IMPORT_ROWS + 2, 'row', 'too_many_rows')], false);

    const now = ctx.now();
    const at = now.toISOString();
    const actorId = ctx.actor?.id ?? null;
    const rowErrors: RowError[] = [];
    const checked: { row: number; person: CheckedPerson; hash: string }[] = [];
    const firstRowOf = new Map<string, number>();
    for (const record of data) {
      const input: Record<string, string> = { name: '', idNumber: '', phone: '', gridCode: '', category: '' };
      fields.forEach((field, i) => {
        input[field] = record.cells[i] ?? '';
      });
      const { person, errors: problems } = checkPerson(input as unknown as PersonInput, now);
      for (const problem of problems) rowErrors.push({ row: record.row, ...problem });
      if (!person) continue;
      const hash = this.sealing.idNumberHash(person.idNumber);
      const first = firstRowOf.get(hash);
      if (first !== undefined) {
        rowErrors.push({ ...rowError(record.row, 'idNumber', 'duplicate_in_file'), message: { 'zh-CN': `${FIELD_ERRORS.duplicate_in_file['zh-CN']}（第 ${first} 行）`, en: `${FIELD_ERRORS.duplicate_in_file.en} (row ${first})` } });
        continue;
      }
      firstRowOf.set(hash, record.row);
      checked.push({ row: record.row, person, hash });
    }

    const gridProblems = await checkGrids(ctx.db, ctx, checked.map((c) => c.person.gridCode));
    const repo = new PersonsRepository(ctx.db);
    const existing = await repo.idsByIdNumberHash(checked.map((c) => c.hash));
    for (const { row, person, hash } of checked) {
      const grid = gridProblems.get(person.gridCode);
      if (grid) rowErrors.push(rowError(row, 'gridCode', grid));
      if (existing.has(hash)) rowErrors.push(rowError(row, 'idNumber', 'person_exists'));
    }
    this.rejectIf(rowErrors);

    const planCache = new Map<string, PlanOutcome>();
    const registrations: RegistrationRows[] = checked.map(({ person, hash }) => registrationRows(this.sealing, person, actorId, at, { idNumberHash: hash, planCache }));
    await ctx.db.transaction().execute(async (trx) => {
      const inTrx = new PersonsRepository(trx);
      const inserted = await inTrx.insertNew(registrations.map((r) => r.person));
      if (inserted.size !== registrations.length) {
        // Registered meanwhile, or outside the caller's ground (invisible to the check above).
        this.rejectIf(checked.filter((c) => !inserted.has(c.hash)).map((c) => rowError(c.row, 'idNumber', 'person_exists')));
      }
      await inTrx.insertHistory(registrations.map((r) => r.history));
      await inTrx.insertPlans(registrations.flatMap((r) => (r.plan ? [r.plan] : [])));
      await countRegistrations(trx, registrations.map((r) => r.facts));
      await this.audit.record(trx, ctx, {
        action: 'person.import',
        objectType: 'person',
        detail: { rows: registrations.length, sha256: createHash('sha256').update(text).digest('hex') },
      });
    });
    return { imported: registrations.length };
  }

  private rejectIf(errors: RowError[]): void {
    if (errors.length === 0) return;
    errors.sort((a, b) => a.row - b.row);
    throw new ImportRejectedError(errors.slice(0, MAX_REPORTED_ERRORS), errors.length > MAX_REPORTED_ERRORS);
  }
}
