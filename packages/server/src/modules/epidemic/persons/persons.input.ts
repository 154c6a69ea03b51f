import { findCategory, normalizeMobile, validateResidentId } from '@shoutu/domain';
import { fieldError, type FieldError } from '../../../http/errors.js';

export const DATE_FIELDS = ['onsetDate', 'lastExposureDate', 'sampleDate', 'reportDate', 'arrivalDate'] as const;
export type DateField = (typeof DATE_FIELDS)[number];
export type PersonDates = Record<DateField, string | null>;

/** What a registration carries, from a JSON body or a CSV row alike. */
export interface PersonInput extends Partial<Record<DateField, string | null>> {
  name: string;
  idNumber: string;
  phone: string;
  gridCode: string;
  category: string;
  address?: string | null;
  gridWorkerId?: string | null;
}

/** A registration that passed every rule that needs no database. */
export interface CheckedPerson extends PersonDates {
  name: string;
  /** Normalised: ASCII digits, upper-case X. */
  idNumber: string;
  /** The bare 11-digit mobile. */
  phone: string;
  gridCode: string;
  category: string;
  address: string | null;
  gridWorkerId: string | null;
  sex: 'male' | 'female';
  birthYear: number;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's calendar day in China, where the dates people type are meant. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar day in China as the range of ISO instants it covers: [day 00:00+08:00, next day 00:00+08:00). */
export function chinaDayRange(day: string): { createdFrom: string; createdTo: string } {
  const start = Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS;
  return { createdFrom: new Date(start).toISOString(), createdTo: new Date(start + 86_400_000).toISOString() };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A date field: a real day, not after today (a future exposure or onset is a typo). */
export function checkDay(field: string, value: string | null | undefined, today: string, errors: FieldError[]): string | null {
  if (value === undefined || value === null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (!isCalendarDay(text)) errors.push(fieldError(field, 'invalid'));
  else if (text > today) errors.push(fieldError(field, 'out_of_range'));
  return text;
}

export function checkName(value: string, errors: FieldError[]): string {
  const name = value.trim();
  if (name === '') errors.push(fieldError('name', 'required'));
  else if (Array.from(name).length > 50) errors.push(fieldError('name', 'too_long'));
  return name;
}

export function checkPhone(value: string, errors: FieldError[]): string {
  const phone = normalizeMobile(value);
  if (phone === null) errors.push(fieldError('phone', value.trim() === '' ? 'required' : 'invalid'));
  return phone ?? '';
}

export function checkAddress(value: string | null | undefined, errors: FieldError[]): string | null {
  const address = value?.trim() ?? '';
  if (Array.from(address).length > 200) errors.push(fieldError('address', 'too_long'));
  return address === '' ? null : address;
}

export function checkCategory(value: string, errors: FieldError[]): string {
  const category = value.trim();
  if (category === '') errors.push(fieldError('category', 'required'));
  else if (!findCategory(category)) errors.push(fieldError('category', 'invalid'));
  return category;
}

export function checkGridCode(value: string, errors: FieldError[]): string {
  const code = value.trim();
  if (code === '') errors.push(fieldError('gridCode', 'required'));
  else if (!/^\d{12}$/.test(code)) errors.push(fieldError('gridCode', 'invalid'));
  return code;
}

/**
 * Every check of a registration that needs no database: a valid ID number (GB 11643-1999), a
 * mainland mobile, a 12-digit grid code, a known category and real dates. The report date is the
 * day of registration unless given.
 */
export function checkPerson(input: PersonInput, now: Date): { person: CheckedPerson | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const today = chinaToday(now);
  const name = checkName(input.name, errors);
  const id = validateResidentId(input.idNumber, now);
  if (!id.ok) errors.push(fieldError('idNumber', input.idNumber.trim() === '' ? 'required' : 'invalid'));
  const phone = checkPhone(input.phone, errors);
  const gridCode = checkGridCode(input.gridCode, errors);
  const category = checkCategory(input.category, errors);
  const address = checkAddress(input.address, errors);
  const gridWorkerId = input.gridWorkerId?.trim() || null;
  const dates = {} as PersonDates;
  for (const field of DATE_FIELDS) dates[field] = checkDay(field, input[field], today, errors);
  dates.reportDate ??= today;
  if (errors.length > 0 || !id.ok) return { person: null, errors };
  return {
    person: { name, idNumber: id.value, phone, gridCode, category, address, gridWorkerId, sex: id.sex, birthYear: Number(id.birthDate.slice(0, 4)), ...dates },
    errors,
  };
}
