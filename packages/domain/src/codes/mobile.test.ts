import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { normalizeMobile } from './mobile.js';

const digit = fc.constantFrom(...'0123456789');
/** Any mainland mobile number: 1, then 3–9, then 9 digits. */
const mobiles = fc
  .tuple(fc.constantFrom(...'3456789'), fc.string({ unit: digit, minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest}`);

describe('mainland mobile number', () => {
  describe('accepts and returns the bare 11 digits for', () => {
    it.each([
      ['13812345678', '13812345678', 'the bare number'],
      ['19912345678', '19912345678', 'a 19x number'],
      ['14712345678', '14712345678', 'a 14x number'],
      ['138 1234 5678', '13812345678', 'spaces in 3-4-4 groups'],
      ['138-1234-5678', '13812345678', 'hyphens'],
      ['+86 138 1234 5678', '13812345678', 'the +86 country code'],
      ['+8613812345678', '13812345678', '+86 without a space'],
      ['+86-138-1234-5678', '13812345678', '+86 and hyphens'],
      ['8613812345678', '13812345678', 'the country code 86 without a plus'],
      ['86 138 1234 5678', '13812345678', '86 and spaces'],
      ['  13812345678  ', '13812345678', 'surrounding spaces'],
      ['１３８１２３４５６７８', '13812345678', 'full-width digits'],
      ['＋８６ １３８－１２３４－５６７８', '13812345678', 'full-width plus and hyphens'],
      ['138\u30001234\u30005678', '13812345678', 'the ideographic (full-width) space'],
      ['138\u20141234\u20145678', '13812345678', 'em dashes'],
    ])('%j (%s)', (input, expected) => {
      expect(normalizeMobile(input)).toBe(expected);
    });
  });

  describe('returns null for', () => {
    it.each([
      ['', 'empty'],
      ['1381234567', '10 digits'],
      ['138123456789', '12 digits'],
      ['12812345678', 'a second digit of 2'],
      ['11812345678', 'a second digit of 1'],
      ['10812345678', 'a second digit of 0'],
      ['23812345678', 'a first digit other than 1'],
      ['025-84123456', 'a Nanjing landline'],
      ['010 12345678', 'a Beijing landline'],
      ['+1 138 1234 5678', 'another country code'],
      ['+85291234567', 'a Hong Kong number'],
      ['008613812345678', 'the 0086 international prefix'],
      ['+86 +86 13812345678', 'a doubled country code'],
      ['861381234567', '86 followed by only 10 digits'],
      ['138.1234.5678', 'dots'],
      ['(138)12345678', 'parentheses'],
      ['1381234567８x', 'a letter'],
      ['١٣٨١٢٣٤٥٦٧٨', 'Arabic-Indic digits'],
    ])('%j (%s)', (input) => {
      expect(normalizeMobile(input)).toBeNull();
    });
  });

  describe('properties', () => {
    it('returns any mainland mobile number unchanged', () => {
      fc.assert(fc.property(mobiles, (m) => normalizeMobile(m) === m));
    });

    it('recovers the number from any mix of +86 / 86 prefix, spaces and hyphens', () => {
      const separator = fc.constantFrom('', ' ', '-', '  ', ' - ');
      fc.assert(
        fc.property(
          mobiles,
          fc.constantFrom('', '+86', '86', '+86 ', '86-'),
          fc.array(separator, { minLength: 11, maxLength: 11 }),
          (m, prefix, separators) => {
            const written = prefix + Array.from(m, (d, i) => d + (i < 10 ? (separators[i] ?? '') : '')).join('');
            expect(normalizeMobile(written)).toBe(m);
          },
        ),
      );
    });

    it('always returns null or 11 digits starting 13–19, and is idempotent', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), mobiles, fc.string({ unit: digit, maxLength: 15 })), (input) => {
          const result = normalizeMobile(input);
          if (result !== null) {
            expect(result).toMatch(/^1[3-9]\d{9}$/);
            expect(normalizeMobile(result)).toBe(result);
          }
        }),
      );
    });
  });
});
