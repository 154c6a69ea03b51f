import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { COMPOUND_SURNAMES, maskAddress, maskMobile, maskName, maskResidentId } from './masking.js';
import { residentIdCheckChar } from '../codes/resident-id.js';

const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.string({ unit: digit, minLength: n, maxLength: n });
const ids = digits(17).map((first17) => first17 + residentIdCheckChar(first17));
const mobiles = fc
  .tuple(fc.constantFrom(...'3456789'), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);
/** Common CJK ideographs, U+4E00–U+9FA5. */
const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
const codePoints = (s: string): number => Array.from(s).length;

describe('display masking (GB/T 35273-2020 §7.3)', () => {
  describe('resident ID number', () => {
    it.each([
      ['320706199001011234', '320706********1234'],
      ['11010519491231002X', '110105********002X'],
      ['11010519491231002x', '110105********002X'],
      [' 11010519491231002X ', '110105********002X'],
    ])('shows the first 6 and last 4 of %j: %s', (id, masked) => {
      expect(maskResidentId(id)).toBe(masked);
    });

    it('masks a legacy 15-digit number with 6 and 4 visible and 5 hidden', () => {
      expect(maskResidentId('110105491231002')).toBe('110105*****1002');
    });

    it.each([[''], ['   '], ['1101051949123100'], ['320706-19900101-1234'], ['not an id'], ['1101051949123100XX']])(
      'returns an empty string for %j rather than showing it',
      (input) => {
        expect(maskResidentId(input)).toBe('');
      },
    );

    it('never shows the birth date and sequence of any 18-character number', () => {
      fc.assert(
        fc.property(ids, (id) => {
          const masked = maskResidentId(id);
          expect(masked).toHaveLength(18);
          expect(masked.slice(0, 6)).toBe(id.slice(0, 6));
          expect(masked.slice(6, 14)).toBe('********');
          expect(masked.slice(14)).toBe(id.slice(14));
        }),
      );
    });
  });

  describe('mobile number', () => {
    it.each([
      ['13812345678', '138****5678'],
      ['+86 138 1234 5678', '138****5678'],
      ['138-1234-5678', '138****5678'],
      ['８６１３８１２３４５６７８', '138****5678'],
    ])('shows the first 3 and last 4 of %j: %s', (mobile, masked) => {
      expect(maskMobile(mobile)).toBe(masked);
    });

    it.each([[''], ['12345'], ['025-84123456'], ['12812345678']])(
      'returns an empty string for %j, which is not a mainland mobile, rather than showing it',
      (input) => {
        expect(maskMobile(input)).toBe('');
      },
    );

    it('hides the middle 4 digits of any mainland mobile', () => {
      fc.assert(
        fc.property(mobiles, (m) => {
          expect(maskMobile(m)).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
        }),
      );
    });
  });

  describe('name', () => {
    it.each([
      ['张三', '张*'],
      ['张小明', '张**'],
      ['李', '李'],
      ['欧阳娜娜', '欧阳**'],
      ['欧阳修', '欧阳*'],
      ['司马相如', '司马**'],
      ['上官婉儿', '上官**'],
      ['诸葛亮', '诸葛*'],
      ['东方朔', '东方*'],
      ['皇甫嵩', '皇甫*'],
      ['尉迟恭', '尉迟*'],
      ['公孙策', '公孙*'],
      ['慕容复', '慕容*'],
      ['长孙无忌', '长孙**'],
      ['宇文泰', '宇文*'],
      ['司徒雷登', '司徒**'],
      ['令狐冲', '令狐*'],
      ['夏侯惇', '夏侯*'],
      ['轩辕敬', '轩辕*'],
      ['端木蓉', '端木*'],
      ['南宫适', '南宫*'],
      ['独孤求败', '独孤**'],
      ['西门庆', '西门*'],
      ['欧阳', '欧*'], // two characters only: read as surname 欧 + given name 阳, hiding more
      ['王欧阳', '王**'], // a compound surname only counts at the start
      ['买买提·艾力', '买*****'],
      ['𠈌小明', '𠈌**'], // a character outside the BMP is one character
      [' 张三 ', '张*'],
    ])('masks %s as %s', (name, masked) => {
      expect(maskName(name)).toBe(masked);
    });

    it.each([[''], ['   ']])('returns an empty string for %j', (input) => {
      expect(maskName(input)).toBe('');
    });

    it('recognises at least the 19 common compound surnames', () => {
      const required = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯', '轩辕', '端木', '南宫', '独孤', '西门'];
      expect(COMPOUND_SURNAMES).toEqual(expect.arrayContaining(required));
    });

    it('keeps the first character and hides every other one of any name with an ordinary surname', () => {
      fc.assert(
        fc.property(fc.array(hanzi, { minLength: 2, maxLength: 6 }), (chars) => {
          const name = chars.join('');
          fc.pre(!COMPOUND_SURNAMES.includes(name.slice(0, 2)));
          expect(maskName(name)).toBe(chars[0] + '*'.repeat(chars.length - 1));
        }),
      );
    });

    it('keeps both characters of any compound surname and hides the given name', () => {
      fc.assert(
        fc.property(fc.constantFrom(...COMPOUND_SURNAMES), fc.array(hanzi, { minLength: 1, maxLength: 3 }), (surname, given) => {
          expect(maskName(surname + given.join(''))).toBe(surname + '*'.repeat(given.length));
        }),
      );
    });

    it('never changes the length of a name, counted in characters', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (name) => {
          const trimmed = name.trim();
          fc.pre(trimmed.length > 0);
          expect(codePoints(maskName(name))).toBe(codePoints(trimmed));
        }),
      );
    });
  });

  describe('address', () => {
    it.each([
      ['江苏省连云港市海州区朝阳路1号', '江苏省连云港****'],
      ['连云港市海州区新浦街道朝阳路', '连云港市海州****'],
      ['连云港市海州区新浦街道', '连云港市海****'], // 11 characters: 5 shown
      ['海州区朝阳路1号', '海州区朝****'], // 8 characters: never more than half shown
      ['朝阳路1号', '朝阳****'],
      ['1号', '1****'],
      ['号', '****'],
    ])('masks %s as %s', (address, masked) => {
      expect(maskAddress(address)).toBe(masked);
    });

    it.each([[''], ['  ']])('returns an empty string for %j', (input) => {
      expect(maskAddress(input)).toBe('');
    });

    it('shows at most 6 characters and at most half of any address', () => {
      fc.assert(
        fc.property(fc.array(hanzi, { minLength: 1, maxLength: 40 }), (chars) => {
          const address = chars.join('');
          const masked = maskAddress(address);
          expect(masked.endsWith('****')).toBe(true);
          const shown = Array.from(masked).length - 4;
          expect(shown).toBeLessThanOrEqual(6);
          expect(shown).toBeLessThanOrEqual(chars.length / 2);
          expect(address.startsWith(masked.slice(0, -4))).toBe(true);
        }),
      );
    });
  });

  describe('fail closed', () => {
    it('returns an empty string, not the raw value, when a JavaScript caller passes a non-string', () => {
      const notStrings = [undefined, null, 13812345678, { id: '320706199001011234' }] as unknown as string[];
      for (const value of notStrings) {
        expect(maskResidentId(value)).toBe('');
        expect(maskMobile(value)).toBe('');
        expect(maskName(value)).toBe('');
        expect(maskAddress(value)).toBe('');
      }
    });
  });
});
