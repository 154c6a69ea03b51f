import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal identifiers at rest (SECURITY.md rows 14–15): AES-256-GCM with a random 96-bit IV per
 * value, the table and column bound in as associated data so a ciphertext cannot be moved to
 * another field, and a keyed hash (HMAC-SHA-256) for exact search. Both keys derive from one master
 * key that lives outside the database. A flipped byte fails authentication: an error, never
 * wrong data.
 */
const VERSION = 'v1';

export class DecryptionError extends Error {
  constructor() {
    super('Encrypted field failed authentication (tampered or wrong key)');
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
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(field));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
  }

  decrypt(stored: string, field: string): string {
    if (!stored.startsWith(`${VERSION}:`)) throw new DecryptionError();
    const raw = Buffer.from(stored.slice(VERSION.length + 1), 'base64');
    if (raw.length < 28) throw new DecryptionError();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError();
    }
  }

  /** Same input and purpose → same hash; lets `where id_number_hash = ?` find a person without the plaintext. */
  blindIndex(normalized: string, purpose: string): string {
    return createHmac('sha256', this.indexKey).update(purpose).update('\0').update(normalized).digest('hex');
  }
}
