import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, type FieldError, type FieldErrorCode } from '../../../http/errors.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { IndustrySupervisionService } from '../industries/industry-supervision.service.js';
import type { EnterpriseContacts } from './enterprise-contacts.js';
import { checkCreditCode, checkIndustry, checkText, RegionLookup } from './enterprise-rules.js';
import { EnterprisesRepository } from './enterprises.repository.js';
import type { ImportResult, ImportRowError } from './enterprises.schema.js';
import type { EnterpriseTable } from './enterprises.tables.js';
import { cellText, IMPORT_COLUMNS, normalizeHeader, parseFlag, parseScale, type ImportColumnKey } from './enterprises.xlsx.js';
import { ImportReportsRepository } from './import-reports.repository.js';
import type { SupervisingUnits } from './supervising-units.js';
import { assertSafeXlsx, XlsxRejected } from './xlsx-guard.js';
import { inStreamingOrder } from './xlsx-order.js';

export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_ANSWERED_ERRORS = 1_000;
const MAX_STORED_ERRORS = 20_000;
const REPORT_RETENTION_DAYS = 7;

export type ImportMode = ImportResult['mode'];

/** An error as kept in the downloadable report: with the row's credit code and name as typed, for finding the row. */
export interface StoredImportError extends ImportRowError {
  creditCode: string;
  name: string;
}

interface SheetRow {
  row: number;
  values: Record<ImportColumnKey, string>;
}

interface Candidate {
  row: number;
  record: EnterpriseTable;
  supervisors: string[];
}

const HEADER_OF = new Map<string, string>(IMPORT_COLUMNS.map((column) => [column.key, column.header]));
const KEY_OF = new Map<string, ImportColumnKey>(IMPORT_COLUMNS.map((column) => [normalizeHeader(column.header), column.key]));

/** Carries the errors out of the rolled-back transaction. */
class ImportRolledBack extends Error {
  constructor(readonly errors: StoredImportError[]) {
    super('import rolled back');
  }
}

/** Reads the first sheet of the workbook with the streaming reader, after the archive passed the zip-bomb guard and its parts were put in the order that reader needs (xlsx-order.ts). */
export async function readSheet(bytes: Buffer): Promise<SheetRow[]> {
  try {
    await assertSafeXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxRejected) throw new AppError(error.reason === 'too_large' ? 'import_too_large' : 'import_invalid_file');
    throw error;
  }
  const rows: SheetRow[] = [];
  let columns: Map<number, ImportColumnKey> | null = null;
  let sheetsSeen = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(await inStreamingOrder(bytes)), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
    for await (const sheet of reader) {
      sheetsSeen += 1;
      // Only the first sheet holds data; the others (说明, code tables) are read past unparsed.
      if (sheetsSeen > 1) continue;
      for await (const row of sheet) {
        const cells = (row.values as ExcelJS.CellValue[]).map((value) => cellText(value).trim());
        if (cells.every((cell) => cell === '')) continue;
        if (!columns) {
          columns = headerColumns(cells);
          continue;
        }
        if (rows.length >= MAX_IMPORT_ROWS) throw new AppError('import_too_large', [fieldError('rows', 'too_many_rows')]);
        const values = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.key, ''])) as Record<ImportColumnKey, string>;
        for (const [index, key] of columns) values[key] = cells[index] ?? '';
        rows.push({ row: row.number, values });
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('import_invalid_file');
  }
  if (sheetsSeen === 0) throw new AppError('import_invalid_file');
  if (rows.length === 0) throw new AppError('validation_failed', [fieldError('file', 'required')]);
  return rows;
}

/** Maps the header row onto the template's columns; unknown and missing columns make it another file. */
function headerColumns(cells: string[]): Map<number, ImportColumnKey> {
  const columns = new Map<number, ImportColumnKey>();
  const errors: FieldError[] = [];
  cells.forEach((cell, index) => {
    if (cell === '') return;
    const key = KEY_OF.get(normalizeHeader(cell));
    if (key && ![...columns.values()].includes(key)) columns.set(index, key);
    else errors.push(fieldError(cell, 'unknown_column'));
  });
  const present = new Set(columns.values());
  for (const column of IMPORT_COLUMNS) if (column.required && !present.has(column.key)) errors.push(fieldError(column.header, 'missing_column'));
  if (errors.length) throw new AppError('import_bad_template', errors);
  return columns;
}

function rowError(row: number, field: ImportColumnKey, code: FieldErrorCode, values: Record<ImportColumnKey, string>): StoredImportError {
  const { message } = fieldError(field, code);
  return { row, column: HEADER_OF.get(field) ?? field, field, code, message, creditCode: values.creditCode.slice(0, 40), name: values.name.slice(0, 100) };
}

/**
 * Spreadsheet import of the register (SECURITY.md row 21: never a silent partial import). Every
 * row is checked as the API form would check it; then either nothing is written (all_or_nothing
 * with any error) or the valid rows are written in one transaction with one audit row, and the
 * errors are kept as a report the uploader can download.
 */
export class EnterpriseImporter {
  constructor(
    private readonly audit: AuditService,
    private readonly contacts: EnterpriseContacts,
    private readonly mapping: IndustrySupervisionService,
    private readonly units: () => SupervisingUnits,
  ) {}

  async run(ctx: RequestContext, bytes: Buffer, mode: ImportMode): Promise<{ status: 200 | 422; body: ImportResult }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const rows = await readSheet(bytes);
    const { candidates, errors: checked } = await this.check(ctx, rows);
    const failed = (all: StoredImportError[]) => new Set(all.map((error) => error.row)).size;

    if (mode === 'all_or_nothing' && checked.length > 0) {
      return { status: 422, body: await this.refuse(ctx, mode, rows.length, checked, failed(checked), sha256) };
    }
    const now = ctx.now().toISOString();
    try {
      // The callback may run again on a busy database (db/retry.ts): it starts from the checks' errors each time.
      return await ctx.db.transaction().execute(async (trx) => {
        const repo = new EnterprisesRepository(trx);
        const errors = [...checked];
        const written = await repo.insertNew(candidates.map((candidate) => candidate.record));
        // Registered outside the caller's ground, so invisible to the checks: the unique key tells.
        for (const candidate of candidates) {
          if (!written.has(candidate.record.id)) errors.push(rowError(candidate.row, 'creditCode', 'credit_code_registered', { ...emptyValues(), creditCode: candidate.record.credit_code, name: candidate.record.name }));
        }
        if (mode === 'all_or_nothing' && errors.length > 0) throw new ImportRolledBack(errors);
        const imported = candidates.filter((candidate) => written.has(candidate.record.id));
        await repo.insertSupervisors(imported.flatMap((c) => c.supervisors.map((unitId) => ({ id: randomUUID(), enterprise_id: c.record.id, unit_id: unitId, created_at: now }))));
        sortErrors(errors);
        const reportId = errors.length ? await this.saveReport(trx, ctx, mode, rows.length, imported.length, failed(errors), errors) : null;
        await this.audit.record(trx, ctx, {
          action: 'enterprise.import',
          objectType: 'enterprise',
          detail: { mode, total: rows.length, imported: imported.length, rejected: failed(errors), fileSha256: sha256, errorReportId: reportId },
        });
        return { status: 200 as const, body: result(mode, rows.length, imported.length, failed(errors), errors, reportId) };
      });
    } catch (error) {
      if (!(error instanceof ImportRolledBack)) throw error;
      return { status: 422, body: await this.refuse(ctx, mode, rows.length, error.errors, failed(error.errors), sha256) };
    }
  }

  /** Nothing written: the report and an audit row of the refused import, in their own transaction. */
  private async refuse(ctx: RequestContext, mode: ImportMode, total: number, errors: StoredImportError[], rejected: number, sha256: string): Promise<ImportResult> {
    sortErrors(errors);
    const reportId = await ctx.db.transaction().execute(async (trx) => {
      const id = await this.saveReport(trx, ctx, mode, total, 0, rejected, errors);
      await this.audit.record(trx, ctx, { action: 'enterprise.import', objectType: 'enterprise', result: 'failure', detail: { mode, total, imported: 0, rejected, fileSha256: sha256, errorReportId: id } });
      return id;
    });
    return result(mode, total, 0, rejected, errors, reportId);
  }

  private async saveReport(trx: RequestContext['db'], ctx: RequestContext, mode: ImportMode, total: number, imported: number, rejected: number, errors: StoredImportError[]): Promise<string> {
    const repo = new ImportReportsRepository(trx);
    const now = ctx.now();
    await repo.purgeBefore(new Date(now.getTime() - REPORT_RETENTION_DAYS * 86_400_000).toISOString());
    const id = randomUUID();
    await repo.insert({ id, actor_id: ctx.actor!.id, created_at: now.toISOString(), mode, total_rows: total, imported, rejected, errors: JSON.stringify(errors.slice(0, MAX_STORED_ERRORS)) });
    return id;
  }

  private async check(ctx: RequestContext, rows: SheetRow[]): Promise<{ candidates: Candidate[]; errors: StoredImportError[] }> {
    const ground = ctx.actor!.ground;
    const regions = new RegionLookup(ctx.db);
    await regions.load(rows.map((row) => row.values.regionCode.trim()));
    const supervisorsFor = await this.mapping.defaultSupervisors(ctx.db, this.units());
    const errors: StoredImportError[] = [];
    const candidates: Candidate[] = [];
    const firstRowOf = new Map<string, number>();
    const now = ctx.now().toISOString();

    for (const { row, values } of rows) {
      const before = errors.length;
      const fail = (field: ImportColumnKey, code: FieldErrorCode) => errors.push(rowError(row, field, code, values));
      const take = <T>(field: ImportColumnKey, checked: { ok: true; value: T } | { ok: false; error: FieldError }): T | undefined => {
        if (checked.ok) return checked.value;
        fail(field, checked.error.code);
        return undefined;
      };
      const creditCode = take('creditCode', checkCreditCode(values.creditCode));
      if (creditCode !== undefined) {
        if (firstRowOf.has(creditCode)) fail('creditCode', 'credit_code_twice_in_file');
        else firstRowOf.set(creditCode, row);
      }
      const name = take('name', checkText(values.name, 'name', 100));
      const industry = take('industryCode', checkIndustry(values.industryCode));
      const regionCode = take('regionCode', regions.check(values.regionCode, ground));
      const park = values.park.trim();
      if (Array.from(park).length > 100) fail('park', 'too_long');
      const scale = parseScale(values.scale);
      if (scale === undefined) fail('scale', 'invalid');
      const hazardous = parseFlag(values.hazardousChemicals);
      if (hazardous === undefined) fail('hazardousChemicals', 'invalid');
      const majorHazard = parseFlag(values.majorHazardSource);
      if (majorHazard === undefined) fail('majorHazardSource', 'invalid');
      const contacts = this.contacts.encrypt({ principalName: values.principalName, principalPhone: values.principalPhone, safetyOfficerName: values.safetyOfficerName, safetyOfficerPhone: values.safetyOfficerPhone });
      for (const error of contacts.errors) fail(error.field as ImportColumnKey, error.code);
      if (errors.length > before || !creditCode || !name || !industry || !regionCode) continue;
      candidates.push({
        row,
        record: {
          id: randomUUID(),
          credit_code: creditCode,
          name,
          industry_code: industry.code,
          industry_name: industry.name,
          region_code: regionCode,
          park: park === '' ? null : park,
          scale: scale ?? null,
          hazardous_chemicals: hazardous ? 1 : 0,
          major_hazard_source: majorHazard ? 1 : 0,
          principal_name: contacts.columns.principal_name ?? null,
          principal_phone: contacts.columns.principal_phone ?? null,
          safety_officer_name: contacts.columns.safety_officer_name ?? null,
          safety_officer_phone: contacts.columns.safety_officer_phone ?? null,
          last_inspected_at: null,
          created_at: now,
          updated_at: now,
          version: 1,
        },
        supervisors: supervisorsFor(industry.code, regionCode),
      });
    }

    const registered = await new EnterprisesRepository(ctx.db).existingCreditCodes(candidates.map((c) => c.record.credit_code));
    const fresh = candidates.filter((candidate) => {
      if (!registered.has(candidate.record.credit_code)) return true;
      errors.push(rowError(candidate.row, 'creditCode', 'credit_code_registered', { ...emptyValues(), creditCode: candidate.record.credit_code, name: candidate.record.name }));
      return false;
    });
    return { candidates: fresh, errors };
  }
}

function emptyValues(): Record<ImportColumnKey, string> {
  return Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.key, ''])) as Record<ImportColumnKey, string>;
}

const COLUMN_ORDER = new Map(IMPORT_COLUMNS.map((column, index) => [column.key as string, index]));
function sortErrors(errors: StoredImportError[]): void {
  errors.sort((a, b) => a.row - b.row || (COLUMN_ORDER.get(a.field) ?? 99) - (COLUMN_ORDER.get(b.field) ?? 99));
}

function result(mode: ImportMode, total: number, imported: number, rejected: number, errors: StoredImportError[], errorReportId: string | null): ImportResult {
  return {
    mode,
    total,
    imported,
    rejected,
    errors: errors.slice(0, MAX_ANSWERED_ERRORS).map(({ row, column, field, code, message }) => ({ row, column, field, code, message })),
    errorsTruncated: errors.length > MAX_ANSWERED_ERRORS,
    errorReportId,
  };
}
