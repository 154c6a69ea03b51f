import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { PersonTable } from './persons.tables.js';

export interface PersonIdentity {
  name: string;
  /** Normalised 18-character ID number. */
  idNumber: string;
  /** Bare 11-digit mobile number. */
  phone: string;
  address: string | null;
}

type SealedIdentity = Pick<PersonTable, 'name_enc' | 'id_number_enc' | 'id_number_hash' | 'phone_enc' | 'phone_hash' | 'address_enc'>;

/** Blind-index purposes: one per kind of identifier, so equal strings of two kinds never collide. */
const RESIDENT_ID = 'resident_id';
const MOBILE = 'mobile';

/**
 * The one place that turns a person's identifiers into stored columns and back (SECURITY.md
 * row 14). Each column's ciphertext is bound to `persons.<column>`, so it cannot be moved to
 * another column or table and still decrypt.
 */
export class PersonSealing {
  constructor(private readonly crypto: FieldCrypto) {}

  idNumberHash(idNumber: string): string {
    return this.crypto.blindIndex(idNumber, RESIDENT_ID);
  }

  phoneHash(phone: string): string {
    return this.crypto.blindIndex(phone, MOBILE);
  }

  sealName(name: string): string {
    return this.crypto.encrypt(name, 'persons.name');
  }

  sealPhone(phone: string): Pick<PersonTable, 'phone_enc' | 'phone_hash'> {
    return { phone_enc: this.crypto.encrypt(phone, 'persons.phone'), phone_hash: this.phoneHash(phone) };
  }

  sealAddress(address: string | null): string | null {
    return address === null ? null : this.crypto.encrypt(address, 'persons.address');
  }

  seal(identity: PersonIdentity, idNumberHash = this.idNumberHash(identity.idNumber)): SealedIdentity {
    return {
      name_enc: this.sealName(identity.name),
      id_number_enc: this.crypto.encrypt(identity.idNumber, 'persons.id_number'),
      id_number_hash: idNumberHash,
      ...this.sealPhone(identity.phone),
      address_enc: this.sealAddress(identity.address),
    };
  }

  open(row: Pick<PersonTable, 'name_enc' | 'id_number_enc' | 'phone_enc' | 'address_enc'>): PersonIdentity {
    return {
      name: this.crypto.decrypt(row.name_enc, 'persons.name'),
      idNumber: this.crypto.decrypt(row.id_number_enc, 'persons.id_number'),
      phone: this.crypto.decrypt(row.phone_enc, 'persons.phone'),
      address: row.address_enc === null ? null : this.crypto.decrypt(row.address_enc, 'persons.address'),
    };
  }
}
