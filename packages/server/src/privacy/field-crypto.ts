import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal identifiers at rest (SECURITY.md rows 14–15): AES-256-GCM with a random 96-bit IV per
 * value, the table and column bound in as associated data so a ciphertext cannot be moved to
 * another field, and a keyed hash (HMAC-SHA-256) for exact search. Both keys derive from one master
 * key that lives outside the database. A flipped byte fails authentication: an error, never
 * wrong data.
 */
const VERSION = 'v1';
/** A value sealed under a record's own data key rather than the master key (decision 0020). */
const RECORD_VERSION = 'r1';

export class DecryptionError extends Error {
  constructor() {
    super('Encrypted field failed authentication (tampered or wrong key)');
  }
}

/**
 * Random bytes for IVs and data keys, drawn from a block of the CSPRNG's output fetched 64 KiB at
 * a time: one call to the generator costs more than sealing a short value, and an import seals
 * five values per person. A block is never reused or overwritten, only replaced.
 */
const RANDOM_BLOCK = 64 * 1024;
let randomBlock = Buffer.alloc(0);
let randomOffset = 0;

function freshBytes(n: number): Buffer {
  if (randomOffset + n > randomBlock.length) {
    randomBlock = randomBytes(RANDOM_BLOCK);
    randomOffset = 0;
  }
  randomOffset += n;
  return randomBlock.subarray(randomOffset - n, randomOffset);
}

function seal(key: Buffer, version: string, plaintext: string, field: string): string {
  const iv = freshBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(field));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${version}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
}

function unseal(key: Buffer, version: string, stored: string, field: string): string {
  if (!stored.startsWith(`${version}:`)) throw new DecryptionError();
  const raw = Buffer.from(stored.slice(version.length + 1), 'base64');
  if (raw.length < 28) throw new DecryptionError();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(field));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError();
  }
}

/**
 * One record's own data key (crypto-shredding, SECURITY.md row 19): the record's fields are
 * sealed under it, and the key is stored apart from them, wrapped under the master key. Deleting
 * the key makes every copy of those fields unreadable, including old row versions PostgreSQL keeps
 * until they are vacuumed and copies in the write-ahead log.
 */
export class RecordKey {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new DecryptionError();
  }

  encrypt(plaintext: string, field: string): string {
    return seal(this.key, RECORD_VERSION, plaintext, field);
  }

  decrypt(stored: string, field: string): string {
    return unseal(this.key, RECORD_VERSION, stored, field);
  }
}

export class FieldCrypto {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'shoutu field encryption', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'shoutu blind index', 32));
  }

  encrypt(plaintext: string, field: string): string {
    return seal(this.encryptionKey, VERSION, plaintext, field);
  }

  decrypt(stored: string, field: string): string {
    return unseal(this.encryptionKey, VERSION, stored, field);
  }

  /** A value sealed under the master key (v1) or, with the record's key, under that key (r1). */
  open(stored: string, field: string, key: RecordKey | null): string {
    return stored.startsWith(`${RECORD_VERSION}:`) && key ? key.decrypt(stored, field) : this.decrypt(stored, field);
  }

  /** A new data key for one record, and its stored form: wrapped under the master key and bound to `owner`. */
  newRecordKey(owner: string): { key: RecordKey; wrapped: string } {
    // A copy: the key outlives the block it was drawn from.
    const raw = Buffer.from(freshBytes(32));
    return { key: new RecordKey(raw), wrapped: this.encrypt(raw.toString('base64'), `record_key:${owner}`) };
  }

  /** The record's key from its stored form; a key moved to another record fails authentication. */
  openRecordKey(wrapped: string, owner: string): RecordKey {
    return new RecordKey(Buffer.from(this.decrypt(wrapped, `record_key:${owner}`), 'base64'));
  }

  /** Same input and purpose → same hash; lets `where id_number_hash = ?` find a person without the plaintext. */
  blindIndex(normalized: string, purpose: string): string {
    return createHmac('sha256', this.indexKey).update(purpose).update('\0').update(normalized).digest('hex');
  }
}
