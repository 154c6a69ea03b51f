import { maskName, maskResidentId, validateResidentId } from '@shoutu/domain';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { TrainingCertificateTable } from './training.tables.js';

/** Keyed-hash purpose of holders' ID numbers: its own, so they cannot be joined with epidemic persons by hash. */
const HOLDER_ID = 'certificate_holder_id';
const column = (name: 'holder_name' | 'holder_id_number' | 'certificate_no') => `training_certificates.${name}`;

type SealedHolder = Pick<TrainingCertificateTable, 'holder_name_enc' | 'holder_id_number_enc' | 'holder_id_number_hash'>;

/**
 * A certificate number shown masked: a resident ID number (a special-operation certificate's
 * number is its holder's) as IDs are, anything else with its first 2 and last 4 characters.
 */
export function maskCertificateNo(value: string): string {
  if (validateResidentId(value).ok) return maskResidentId(value);
  const chars = Array.from(value);
  if (chars.length <= 6) return '*'.repeat(Math.max(0, chars.length - 2)) + chars.slice(-2).join('');
  return chars.slice(0, 2).join('') + '*'.repeat(chars.length - 6) + chars.slice(-4).join('');
}

/**
 * Holders' personal data (SECURITY.md rows 14–16): the name, ID number and certificate number go
 * into the database encrypted and come out masked; the ID number is found by its keyed hash.
 */
export class CertificateHolders {
  constructor(private readonly crypto: FieldCrypto) {}

  idHash(normalizedId: string): string {
    return this.crypto.blindIndex(normalizedId, HOLDER_ID);
  }

  seal(name: string, normalizedId: string): SealedHolder {
    return { holder_name_enc: this.sealName(name), ...this.sealId(normalizedId) };
  }

  sealId(normalizedId: string): Omit<SealedHolder, 'holder_name_enc'> {
    return { holder_id_number_enc: this.crypto.encrypt(normalizedId, column('holder_id_number')), holder_id_number_hash: this.idHash(normalizedId) };
  }

  sealName(name: string): string {
    return this.crypto.encrypt(name, column('holder_name'));
  }

  sealCertificateNo(value: string | null): string | null {
    return value === null ? null : this.crypto.encrypt(value, column('certificate_no'));
  }

  masked(row: Pick<TrainingCertificateTable, 'holder_name_enc' | 'holder_id_number_enc' | 'certificate_no_enc'>): { holderName: string; holderIdNumber: string; certificateNo: string | null } {
    return {
      holderName: maskName(this.crypto.decrypt(row.holder_name_enc, column('holder_name'))),
      holderIdNumber: maskResidentId(this.crypto.decrypt(row.holder_id_number_enc, column('holder_id_number'))),
      certificateNo: row.certificate_no_enc === null ? null : maskCertificateNo(this.crypto.decrypt(row.certificate_no_enc, column('certificate_no'))),
    };
  }
}
