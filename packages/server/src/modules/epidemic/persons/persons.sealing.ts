import type { FieldCrypto, RecordKey } from '../../../privacy/field-crypto.js';
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

/** A person's row as read with their wrapped data key (`person_keys.key_enc`, null for a person registered before keys). */
export type KeyedRow = { id: string; record_key?: string | null };

/** Blind-index purposes: one per kind of identifier, so equal strings of two kinds never collide. */
const RESIDENT_ID = 'resident_id';
const MOBILE = 'mobile';

/** What a person's data key is bound to when wrapped: it cannot be moved to another person. */
const keyOwner = (personId: string) => `person:${personId}`;

/**
 * The one place that turns a person's identifiers into stored columns and back (SECURITY.md
 * row 14). Each column's ciphertext is bound to `persons.<column>`, so it cannot be moved to
 * another column or table and still decrypt. A person registered since decision 0020 has a data
 * key of their own (`person_keys`), which the retention job deletes to destroy them; persons
 * registered before keep fields sealed under the master key, which still open.
 */
export class PersonSealing {
  constructor(private readonly crypto: FieldCrypto) {}

  idNumberHash(idNumber: string): string {
    return this.crypto.blindIndex(idNumber, RESIDENT_ID);
  }

  phoneHash(phone: string): string {
    return this.crypto.blindIndex(phone, MOBILE);
  }

  /** The person's data key from the row read with it; null for a person without one. */
  keyOf(row: KeyedRow): RecordKey | null {
    return row.record_key ? this.crypto.openRecordKey(row.record_key, keyOwner(row.id)) : null;
  }

  private sealWith(key: RecordKey | null, value: string, field: string): string {
    return key ? key.encrypt(value, field) : this.crypto.encrypt(value, field);
  }

  sealName(name: string, key: RecordKey | null): string {
    return this.sealWith(key, name, 'persons.name');
  }

  sealPhone(phone: string, key: RecordKey | null): Pick<PersonTable, 'phone_enc' | 'phone_hash'> {
    return { phone_enc: this.sealWith(key, phone, 'persons.phone'), phone_hash: this.phoneHash(phone) };
  }

  sealAddress(address: string | null, key: RecordKey | null): string | null {
    return address === null ? null : this.sealWith(key, address, 'persons.address');
  }

  /** A new person's columns under a new data key of their own, with the key's stored form (`recordKey`). */
  seal(identity: PersonIdentity, idNumberHash: string | undefined, personId: string): SealedIdentity & { recordKey: string } {
    const { key, wrapped } = this.crypto.newRecordKey(keyOwner(personId));
    return {
      name_enc: this.sealName(identity.name, key),
      id_number_enc: key.encrypt(identity.idNumber, 'persons.id_number'),
      id_number_hash: idNumberHash ?? this.idNumberHash(identity.idNumber),
      ...this.sealPhone(identity.phone, key),
      address_enc: this.sealAddress(identity.address, key),
      recordKey: wrapped,
    };
  }

  openName(row: Pick<PersonTable, 'name_enc'> & KeyedRow): string {
    return this.crypto.open(row.name_enc, 'persons.name', this.keyOf(row));
  }

  open(row: Pick<PersonTable, 'name_enc' | 'id_number_enc' | 'phone_enc' | 'address_enc'> & KeyedRow): PersonIdentity {
    const key = this.keyOf(row);
    return {
      name: this.crypto.open(row.name_enc, 'persons.name', key),
      idNumber: this.crypto.open(row.id_number_enc, 'persons.id_number', key),
      phone: this.crypto.open(row.phone_enc, 'persons.phone', key),
      address: row.address_enc === null ? null : this.crypto.open(row.address_enc, 'persons.address', key),
    };
  }
}
