import { isWithinGround, validateCreditCode, type Ground } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { fieldError, type FieldError } from '../../../http/errors.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { resolveIndustry } from '../industries/industries.js';
import type { Industry } from '../industries/industries.data.js';
import { coversRegion, type UnitRow } from './supervising-units.js';

/**
 * The checks every way into the register shares (the API form and the spreadsheet import), each
 * answering the normalised value or a field error, never both.
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: FieldError };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T>(field: string, code: Parameters<typeof fieldError>[1]): Checked<T> => ({ ok: false, error: fieldError(field, code) });

export function checkCreditCode(input: string, field = 'creditCode'): Checked<string> {
  const result = validateCreditCode(input);
  return result.ok ? ok(result.value) : bad(field, input.trim() === '' ? 'required' : 'invalid');
}

export function checkText(input: string, field: string, maxLength: number): Checked<string> {
  const text = input.trim();
  if (text === '') return bad(field, 'required');
  return Array.from(text).length > maxLength ? bad(field, 'too_long') : ok(text);
}

export function checkIndustry(input: string, field = 'industryCode'): Checked<Industry> {
  if (input.trim() === '') return bad(field, 'required');
  const industry = resolveIndustry(input);
  return industry ? ok(industry) : bad(field, 'unknown_industry');
}

/** Existence of region codes, read through the caller's ground (so a foreign code is simply unknown). */
export class RegionLookup {
  private readonly known = new Set<string>();
  constructor(private readonly db: Kysely<Database>) {}

  async load(codes: Iterable<string>): Promise<void> {
    const wanted = [...new Set(codes)].filter((code) => /^\d{12}$/.test(code) && !this.known.has(code));
    const repo = new RegionsRepository(this.db);
    for (let i = 0; i < wanted.length; i += 500) {
      for (const region of await repo.byCodes(wanted.slice(i, i + 500))) this.known.add(region.code);
    }
  }

  /** An enterprise sits in a community or village committee (12 digits) inside the caller's ground. */
  check(code: string, ground: Ground, field = 'regionCode'): Checked<string> {
    const value = code.trim();
    if (value === '') return bad(field, 'required');
    if (!/^\d{12}$/.test(value)) return bad(field, /^(\d{6}|\d{9})$/.test(value) ? 'not_community' : 'invalid');
    if (!isWithinGround(value, ground)) return bad(field, 'outside_ground');
    return this.known.has(value) ? ok(value) : bad(field, 'unknown_region');
  }
}

export function checkSupervisors(unitIds: readonly string[], departments: ReadonlyMap<string, UnitRow>, regionCode: string, field = 'supervisorUnitIds'): FieldError[] {
  return unitIds.flatMap((id, index) => {
    const unit = departments.get(id);
    return unit && coversRegion(unit, regionCode) ? [] : [fieldError(`${field}.${index}`, 'not_a_supervisor')];
  });
}
