import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError, FieldCrypto } from './field-crypto.js';

describe('field encryption', () => {
  const crypto = new FieldCrypto(randomBytes(32));

  it('round-trips a value and never stores the plaintext', () => {
    const stored = crypto.encrypt('320706199001011234', 'persons.id_number');
    expect(stored).not.toContain('320706199001011234');
    expect(crypto.decrypt(stored, 'persons.id_number')).toBe('320706199001011234');
  });

  it('gives two encryptions of one value different ciphertexts', () => {
    expect(crypto.encrypt('13800138000', 'f')).not.toBe(crypto.encrypt('13800138000', 'f'));
  });

  it('fails loudly when any byte of the ciphertext is flipped', () => {
    const stored = crypto.encrypt('13800138000', 'persons.phone');
    const raw = Buffer.from(stored.slice(3), 'base64');
    for (let i = 0; i < raw.length; i += 1) {
      const tampered = Buffer.from(raw);
      tampered[i]! ^= 0x01;
      expect(() => crypto.decrypt(`v1:${tampered.toString('base64')}`, 'persons.phone')).toThrow(DecryptionError);
    }
  });

  it('refuses a ciphertext moved to another field', () => {
    const stored = crypto.encrypt('13800138000', 'persons.phone');
    expect(() => crypto.decrypt(stored, 'persons.address')).toThrow(DecryptionError);
  });

  it('refuses a ciphertext under another key', () => {
    const other = new FieldCrypto(randomBytes(32));
    expect(() => other.decrypt(crypto.encrypt('x', 'f'), 'f')).toThrow(DecryptionError);
  });

  it('gives a stable keyed hash per purpose that differs between keys and purposes', () => {
    expect(crypto.blindIndex('320706199001011234', 'id')).toBe(crypto.blindIndex('320706199001011234', 'id'));
    expect(crypto.blindIndex('320706199001011234', 'id')).not.toBe(crypto.blindIndex('320706199001011234', 'phone'));
    expect(new FieldCrypto(randomBytes(32)).blindIndex('320706199001011234', 'id')).not.toBe(crypto.blindIndex('320706199001011234', 'id'));
  });

  describe('per-record keys (decision 0020)', () => {
    it('seals a record under its own key, which only the master key unwraps, and only for its record', () => {
      const { key, wrapped } = crypto.newRecordKey('person:a');
      const stored = key.encrypt('320706199001011234', 'persons.id_number');
      expect(stored).toMatch(/^r1:/);
      expect(wrapped).not.toContain(stored.slice(3, 20));
      const reopened = crypto.openRecordKey(wrapped, 'person:a');
      expect(crypto.open(stored, 'persons.id_number', reopened)).toBe('320706199001011234');
      expect(() => crypto.openRecordKey(wrapped, 'person:b')).toThrow(DecryptionError);
      expect(() => new FieldCrypto(randomBytes(32)).openRecordKey(wrapped, 'person:a')).toThrow(DecryptionError);
    });

    it('cannot open a record-key value without that key: not with the master key, not with another record’s', () => {
      const { key } = crypto.newRecordKey('person:a');
      const stored = key.encrypt('13800138000', 'persons.phone');
      expect(() => crypto.open(stored, 'persons.phone', null)).toThrow(DecryptionError);
      expect(() => crypto.decrypt(stored, 'persons.phone')).toThrow(DecryptionError);
      expect(() => crypto.open(stored, 'persons.phone', crypto.newRecordKey('person:b').key)).toThrow(DecryptionError);
    });

    it('still opens values sealed under the master key before records had keys', () => {
      const legacy = crypto.encrypt('张三', 'persons.name');
      expect(crypto.open(legacy, 'persons.name', crypto.newRecordKey('person:a').key)).toBe('张三');
      expect(crypto.open(legacy, 'persons.name', null)).toBe('张三');
    });
  });
});
