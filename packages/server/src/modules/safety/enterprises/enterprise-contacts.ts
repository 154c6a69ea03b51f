import { maskMobile, maskName, normalizeMobile } from '@shoutu/domain';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import { fieldError, type FieldError } from '../../../http/errors.js';
import type { EnterpriseTable } from './enterprises.tables.js';

/** The contact fields of the API and the encrypted column behind each. */
export const CONTACT_FIELDS = {
  principalName: { column: 'principal_name', kind: 'name' },
  principalPhone: { column: 'principal_phone', kind: 'phone' },
  safetyOfficerName: { column: 'safety_officer_name', kind: 'name' },
  safetyOfficerPhone: { column: 'safety_officer_phone', kind: 'phone' },
} as const;

export type ContactField = keyof typeof CONTACT_FIELDS;
export type ContactColumn = (typeof CONTACT_FIELDS)[ContactField]['column'];
export type ContactInput = Partial<Record<ContactField, string | null>>;
export type MaskedContacts = Record<ContactField, string | null>;

const purpose = (column: ContactColumn) => `enterprises.${column}`;

/**
 * Names and phones of the persons responsible are personal data (SECURITY.md rows 14, 16): they
 * are checked and normalised here, encrypted before they reach a repository, and leave the
 * server only masked. There is no unmasked read of them.
 */
export class EnterpriseContacts {
  constructor(private readonly crypto: FieldCrypto) {}

  /** Encrypted column values for the fields present in `input`; field errors for bad ones. */
  encrypt(input: ContactInput): { columns: Partial<Record<ContactColumn, string | null>>; errors: FieldError[] } {
    const columns: Partial<Record<ContactColumn, string | null>> = {};
    const errors: FieldError[] = [];
    for (const [field, { column, kind }] of Object.entries(CONTACT_FIELDS) as Array<[ContactField, (typeof CONTACT_FIELDS)[ContactField]]>) {
      const value = input[field];
      if (value === undefined) continue;
      const text = value === null ? '' : value.trim();
      if (text === '') {
        columns[column] = null;
        continue;
      }
      const normalized = kind === 'phone' ? normalizeMobile(text) : text;
      if (normalized === null || (kind === 'name' && Array.from(normalized).length > 50)) {
        errors.push(fieldError(field, 'invalid'));
        continue;
      }
      columns[column] = this.crypto.encrypt(normalized, purpose(column));
    }
    return { columns, errors };
  }

  masked(row: Pick<EnterpriseTable, ContactColumn>): MaskedContacts {
    const open = (column: ContactColumn) => {
      const stored = row[column];
      return stored === null ? null : this.crypto.decrypt(stored, purpose(column));
    };
    const name = (column: ContactColumn) => {
      const value = open(column);
      return value === null ? null : maskName(value);
    };
    const phone = (column: ContactColumn) => {
      const value = open(column);
      return value === null ? null : maskMobile(value);
    };
    return {
      principalName: name('principal_name'),
      principalPhone: phone('principal_phone'),
      safetyOfficerName: name('safety_officer_name'),
      safetyOfficerPhone: phone('safety_officer_phone'),
    };
  }
}
