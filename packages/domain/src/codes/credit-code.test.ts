import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { creditCodeCheckChar, validateCreditCode } from './credit-code.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const codeChars = (n: number) => fc.string({ unit: fc.constantFrom(...ALPHABET), minLength: n, maxLength: n });
const withCheck = (first17: string): string => first17 + creditCodeCheckChar(first17);
/** Any 17 characters of the GB 32100 alphabet + the computed check character. */
const validCodes = codeChars(17).map(withCheck);

const toFullWidth = (s: string): string =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('unified social credit code (GB 32100-2015)', () => {
  describe('check character', () => {
    it('reproduces the check character of the known valid code 91350100M000100Y43', () => {
      expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    });

    // A single 1 at position i contributes weight_i (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28),
    // so the check value is 31 − weight_i and its character is ALPHABET[31 − weight_i].
    it.each([
      ['00000000000000000', '0'], // sum 0: 31 − 0 = 31, which becomes 0
      ['10000000000000000', 'Y'], // weight 1: 30 → Y, the last character of the alphabet
      ['01000000000000000', 'W'], // weight 3: 28 → W
      ['00100000000000000', 'N'], // weight 9: 22 → N
      ['00010000000000000', '4'], // weight 27: 4
      ['00000000000000010', '1'], // weight 30: 1
      ['00000000000000001', '3'], // weight 28: 3
      ['Y0000000000000000', '1'], // 30 × 1 = 30: 31 − 30 = 1
    ])('maps %s to %s', (first17, check) => {
      expect(creditCodeCheckChar(first17)).toBe(check);
    });

    it('gives check value 0 whenever the weighted sum is a multiple of 31', () => {
      // 1 × weight 3 + 1 × weight 28 = 31
      expect(creditCodeCheckChar('01000000000000001')).toBe('0');
    });

    it.each([['9135010M000100Y4'], ['91350100M000100Y43'], ['91350100I000100Y4'], ['91350100m000100y4']])(
      'refuses to compute a check character for %s, which is not 17 upper-case alphabet characters',
      (bad) => {
        expect(() => creditCodeCheckChar(bad)).toThrow(RangeError);
      },
    );

    it('always yields a character of the alphabet', () => {
      fc.assert(fc.property(codeChars(17), (first17) => ALPHABET.includes(creditCodeCheckChar(first17))));
    });
  });

  describe('accepts', () => {
    it('the known valid code 91350100M000100Y43', () => {
      expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    });

    // Codes printed on the business licences of large companies (Alibaba (China), Tencent
    // Shenzhen, Huawei Technologies, Sinopec Corp., Xiaomi); their checksums are valid.
    it.each([['91330100716105852F'], ['9144030071526726XG'], ['914403001922038216'], ['91110000710925462X'], ['91110108551385082Q']])(
      'the published code %s',
      (code) => {
        expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
      },
    );

    it.each([
      ['91320700MA1MXXXX1', 'a company in Lianyungang (320700)'],
      ['92320706MA1ABCDEF', 'an individual business in Haizhou district (category 92)'],
      ['12320700466000000', 'a public institution (category 12)'],
      ['51320706MAC00001X', 'a social organisation (category 51)'],
    ])('a code built from %s with its computed check character (%s)', (first17) => {
      const code = withCheck(first17);
      expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
    });

    it('lower case and surrounding spaces, and normalises them', () => {
      expect(validateCreditCode('  91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    });

    it('full-width characters typed through a Chinese input method, and normalises them', () => {
      expect(validateCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: '91350100M000100Y43' });
    });
  });

  describe('rejects', () => {
    it.each([
      ['', 'empty'],
      ['91350100M000100Y4', '17 characters'],
      ['91350100M000100Y433', '19 characters'],
      ['91350100I000100Y43', 'the letter I (confusable with 1)'],
      ['91350100O000100Y43', 'the letter O (confusable with 0)'],
      ['91350100Z000100Y43', 'the letter Z (confusable with 2)'],
      ['91350100S000100Y43', 'the letter S (confusable with 5)'],
      ['91350100V000100Y43', 'the letter V (confusable with U)'],
      ['91350100M000100Y4-', 'a hyphen'],
      ['9135 0100M000100Y43', 'a space inside'],
      ['913501000001001', 'a 15-digit pre-2015 business registration number'],
      ['M000100Y4', 'a 9-character organisation code alone'],
    ])('%j (%s) as format', (input) => {
      expect(validateCreditCode(input)).toEqual({ ok: false, reason: 'format' });
    });

    it.each([['91350100M000100Y44'], ['91350100M000100Y40'], ['91350100M000101Y43'], ['91350100000100Y4M3']])(
      '%s, a known valid code with one error, as checksum',
      (input) => {
        expect(validateCreditCode(input)).toEqual({ ok: false, reason: 'checksum' });
      },
    );
  });

  describe('properties', () => {
    it('accepts any 17 characters from the alphabet followed by the computed check character', () => {
      fc.assert(
        fc.property(codeChars(17), (first17) => {
          const code = withCheck(first17);
          expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
        }),
      );
    });

    it('rejects any valid code with exactly one character changed to another alphabet character', () => {
      fc.assert(
        fc.property(validCodes, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (code, position, shift) => {
          const original = code[position] ?? '';
          const replacement = ALPHABET[(ALPHABET.indexOf(original) + shift) % ALPHABET.length] ?? '';
          const changed = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(changed).not.toBe(code);
          expect(validateCreditCode(changed)).toEqual({ ok: false, reason: 'checksum' });
        }),
      );
    });

    it('rejects any valid code with two different neighbouring characters swapped', () => {
      fc.assert(
        fc.property(validCodes, fc.integer({ min: 0, max: 16 }), (code, position) => {
          const a = code[position] ?? '';
          const b = code[position + 1] ?? '';
          fc.pre(a !== b);
          const swapped = code.slice(0, position) + b + a + code.slice(position + 2);
          expect(validateCreditCode(swapped)).toEqual({ ok: false, reason: 'checksum' });
        }),
      );
    });

    it('rejects any code containing one of the excluded letters I, O, Z, S, V as format', () => {
      fc.assert(
        fc.property(validCodes, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...'IOZSV'), (code, position, letter) => {
          const changed = code.slice(0, position) + letter + code.slice(position + 1);
          expect(validateCreditCode(changed)).toEqual({ ok: false, reason: 'format' });
        }),
      );
    });

    it('gives the same answer for the lower-case, full-width and padded spellings of a code', () => {
      fc.assert(
        fc.property(validCodes, (code) => {
          const expected = { ok: true, value: code };
          expect(validateCreditCode(code.toLowerCase())).toEqual(expected);
          expect(validateCreditCode(toFullWidth(code))).toEqual(expected);
          expect(validateCreditCode(`\t${code} `)).toEqual(expected);
        }),
      );
    });

    it('never throws on arbitrary input', () => {
      fc.assert(
        fc.property(fc.string(), (input) => {
          const result = validateCreditCode(input);
          if (result.ok) expect(validateCreditCode(result.value)).toEqual(result);
        }),
      );
    });
  });
});
