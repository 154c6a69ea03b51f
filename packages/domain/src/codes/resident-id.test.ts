import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { residentIdCheckChar, validateResidentId } from './resident-id.js';

/** A fixed "now" so birth-date rules do not depend on the day the suite runs: 1 Jun 2026, 12:00 CST. */
const TODAY = new Date('2026-06-01T04:00:00Z');

/** Builds a number from its parts with the check character computed by the rule under test. */
function build(region: string, birth: string, sequence: string): string {
  const first17 = region + birth + sequence;
  return first17 + residentIdCheckChar(first17);
}

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const toFullWidth = (s: string): string =>
  s.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d).replace(/X/g, 'Ｘ');

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const ymd = (d: Date): string =>
  `${String(d.getUTCFullYear()).padStart(4, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
const birthDates = fc
  .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2026-05-31T00:00:00Z'), noInvalidDate: true })
  .map(ymd);
/** Any region digits + any real, past birth date + any sequence + the computed check character. */
const validIds = fc.tuple(digits(6), birthDates, digits(3)).map(([r, b, s]) => build(r, b, s));

describe('resident ID number (GB 11643-1999)', () => {
  describe('check character (ISO 7064 MOD 11-2)', () => {
    it('reproduces the worked examples printed in GB 11643-1999', () => {
      expect(residentIdCheckChar('11010519491231002')).toBe('X');
      expect(residentIdCheckChar('44052418800101001')).toBe('4');
    });

    // With weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, a single 1 at one position contributes
    // exactly that position's weight, so these rows walk the table 0…10 → 1 0 X 9 8 7 6 5 4 3 2.
    it.each([
      ['00000000000000000', 0, '1'],
      ['00000001000000000', 1, '0'], // 8th position, weight 1
      ['00000000000000001', 2, 'X'], // 17th position, weight 2
      ['00000000010000000', 3, '9'], // 10th position, weight 3
      ['00000100000000000', 4, '8'], // 6th position, weight 4
      ['00010000000000000', 5, '7'], // 4th position, weight 5
      ['00000000100000000', 6, '6'], // 9th position, weight 6
      ['10000000000000000', 7, '5'], // 1st position, weight 7
      ['00001000000000000', 8, '4'], // 5th position, weight 8
      ['01000000000000000', 9, '3'], // 2nd position, weight 9
      ['00100000000000000', 10, '2'], // 3rd position, weight 10
      ['00000000000000002', 4, '8'], // 2 × weight 2
      ['99999999999999999', 9, '3'], // weights sum to 100; 9 × 100 = 900 = 81 × 11 + 9
    ])('maps %s (sum mod 11 = %i) to %s', (first17, _remainder, check) => {
      expect(residentIdCheckChar(first17)).toBe(check);
    });

    it.each([['1101051949123100'], ['110105194912310021'], ['1101051949123100X'], ['１１０１０５１９４９１２３１００２']])(
      'refuses to compute a check character for %s, which is not 17 ASCII digits',
      (bad) => {
        expect(() => residentIdCheckChar(bad)).toThrow(RangeError);
      },
    );

    it('always yields one of 0–9 or X', () => {
      fc.assert(fc.property(digits(17), (first17) => /^[0-9X]$/.test(residentIdCheckChar(first17))));
    });
  });

  describe('accepts', () => {
    it('the GB 11643-1999 example 11010519491231002X (Beijing Chaoyang, 31 Dec 1949, woman)', () => {
      expect(validateResidentId('11010519491231002X', TODAY)).toEqual({
        ok: true,
        value: '11010519491231002X',
        birthDate: '1949-12-31',
        sex: 'female',
        regionCode: '110105',
      });
    });

    it('the GB 11643-1999 example 440524188001010014 (Guangdong Shantou, 1 Jan 1880, man)', () => {
      expect(validateResidentId('440524188001010014', TODAY)).toEqual({
        ok: true,
        value: '440524188001010014',
        birthDate: '1880-01-01',
        sex: 'male',
        regionCode: '440524',
      });
    });

    it('a lower-case x check character and normalises it to X', () => {
      const result = validateResidentId('11010519491231002x', TODAY);
      expect(result).toMatchObject({ ok: true, value: '11010519491231002X' });
    });

    it('full-width digits and a full-width X, and normalises them to ASCII', () => {
      const result = validateResidentId('１１０１０５１９４９１２３１００２Ｘ', TODAY);
      expect(result).toMatchObject({ ok: true, value: '11010519491231002X' });
      expect(validateResidentId('１１０１０５１９４９１２３１００２ｘ', TODAY)).toMatchObject({ ok: true });
    });

    it('surrounding spaces, including the full-width space, and trims them', () => {
      expect(validateResidentId('  11010519491231002X\t', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
      expect(validateResidentId('\u300011010519491231002X\u3000', TODAY)).toMatchObject({ ok: true });
    });

    it('29 February in a leap year, including the 2000 century leap year', () => {
      expect(validateResidentId(build('320706', '19960229', '123'), TODAY)).toMatchObject({ ok: true, birthDate: '1996-02-29' });
      expect(validateResidentId(build('320706', '20000229', '123'), TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    });

    it('a person born today, counting the day in China Standard Time (UTC+8)', () => {
      const justAfterMidnightInChina = new Date('2026-06-01T16:30:00Z'); // 2 Jun 00:30 CST
      expect(validateResidentId(build('320706', '20260602', '001'), justAfterMidnightInChina)).toMatchObject({ ok: true });
      expect(validateResidentId(build('320706', '20260601', '001'), TODAY)).toMatchObject({ ok: true });
    });

    it('reads sex from the 17th character: odd is male, even is female', () => {
      expect(validateResidentId(build('320706', '19900101', '001'), TODAY)).toMatchObject({ ok: true, sex: 'male' });
      expect(validateResidentId(build('320706', '19900101', '009'), TODAY)).toMatchObject({ ok: true, sex: 'male' });
      expect(validateResidentId(build('320706', '19900101', '000'), TODAY)).toMatchObject({ ok: true, sex: 'female' });
      expect(validateResidentId(build('320706', '19900101', '998'), TODAY)).toMatchObject({ ok: true, sex: 'female' });
    });

    it('uses the current time when no "today" is given', () => {
      expect(validateResidentId('11010519491231002X')).toMatchObject({ ok: true });
    });
  });

  describe('rejects', () => {
    it.each([
      ['', 'empty'],
      ['   ', 'blank'],
      ['11010519491231002', '17 characters'],
      ['11010519491231002X1', '19 characters'],
      ['110105491231002', 'the legacy 15-digit number'],
      ['1101051949123100XX', 'X outside the check position'],
      ['X10105194912310021', 'X at the start'],
      ['11010519491231002Y', 'a letter other than X as check character'],
      ['110105 19491231 002X', 'spaces inside'],
      ['110105-19491231-002X', 'hyphens inside'],
      ['11010519491231002\u0058\u0301', 'a combining accent'],
      ['١١٠١٠٥١٩٤٩١٢٣١٠٠٢X', 'Arabic-Indic digits'],
    ])('%j (%s) as format', (input) => {
      expect(validateResidentId(input, TODAY)).toEqual({ ok: false, reason: 'format' });
    });

    it.each([
      ['19490230', '30 February'],
      ['19000229', '29 February 1900 (not a leap year)'],
      ['20230229', '29 February in a common year'],
      ['19491331', 'month 13'],
      ['19490031', 'month 00'],
      ['19490100', 'day 00'],
      ['19490431', '31 April'],
      ['17991231', 'a year before 1800'],
      ['00000101', 'year 0000'],
    ])('birth date %s (%s) as birth_date, even with a correct check character', (birth) => {
      expect(validateResidentId(build('110105', birth, '002'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    });

    it('a birth date after today as birth_date', () => {
      expect(validateResidentId(build('320706', '20260602', '001'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
      expect(validateResidentId(build('320706', '20990101', '001'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    });

    it('a birth date of tomorrow as birth_date one second before midnight China time', () => {
      const lateEveningInChina = new Date('2026-06-01T15:59:59Z'); // 1 Jun 23:59:59 CST
      expect(validateResidentId(build('320706', '20260602', '001'), lateEveningInChina)).toEqual({
        ok: false,
        reason: 'birth_date',
      });
    });

    it('the GB 11643-1999 example with a wrong check character as checksum', () => {
      expect(validateResidentId('110105194912310021', TODAY)).toEqual({ ok: false, reason: 'checksum' });
      expect(validateResidentId('440524188001010015', TODAY)).toEqual({ ok: false, reason: 'checksum' });
    });

    it('reports format before birth date, and birth date before checksum', () => {
      expect(validateResidentId('11010519491331002Y', TODAY)).toEqual({ ok: false, reason: 'format' });
      expect(validateResidentId('110105194913310021', TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    });
  });

  describe('properties', () => {
    it('accepts any 6 digits + a real past birth date + any 3 digits + the computed check character', () => {
      fc.assert(
        fc.property(digits(6), birthDates, digits(3), (region, birth, sequence) => {
          const id = build(region, birth, sequence);
          const result = validateResidentId(id, TODAY);
          expect(result).toEqual({
            ok: true,
            value: id,
            birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
            sex: Number(sequence[2]) % 2 === 1 ? 'male' : 'female',
            regionCode: region,
          });
        }),
      );
    });

    it('rejects any valid number with exactly one character changed to another digit or X', () => {
      const alphabet = '0123456789X';
      fc.assert(
        fc.property(validIds, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, position, shift) => {
          const original = id[position] ?? '';
          const replacement = alphabet[(alphabet.indexOf(original) + shift) % alphabet.length] ?? '';
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(changed).not.toBe(id);
          expect(validateResidentId(changed, TODAY).ok).toBe(false);
        }),
      );
    });

    it('rejects any valid number with two different neighbouring characters swapped', () => {
      fc.assert(
        fc.property(validIds, fc.integer({ min: 0, max: 16 }), (id, position) => {
          const a = id[position] ?? '';
          const b = id[position + 1] ?? '';
          fc.pre(a !== b);
          const swapped = id.slice(0, position) + b + a + id.slice(position + 2);
          expect(validateResidentId(swapped, TODAY).ok).toBe(false);
        }),
      );
    });

    it('gives the same answer for the full-width, lower-case and padded spellings of a number', () => {
      fc.assert(
        fc.property(validIds, (id) => {
          const expected = validateResidentId(id, TODAY);
          expect(validateResidentId(toFullWidth(id), TODAY)).toEqual(expected);
          expect(validateResidentId(id.toLowerCase(), TODAY)).toEqual(expected);
          expect(validateResidentId(` ${id} `, TODAY)).toEqual(expected);
        }),
      );
    });

    it('never throws and, when it accepts, returns an 18-character ASCII value that validates again', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), digits(18), validIds), (input) => {
          const result = validateResidentId(input, TODAY);
          if (result.ok) {
            expect(result.value).toMatch(/^\d{17}[\dX]$/);
            expect(validateResidentId(result.value, TODAY)).toEqual(result);
          }
        }),
      );
    });
  });
});
