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
});
