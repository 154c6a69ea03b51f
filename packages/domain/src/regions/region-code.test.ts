import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { commonRegion, isRegionCode, isWithinRegion, parentRegionCode, regionLevel, regionPrefix } from './region-code.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
/** A 12-digit community code with every level present: province 11–82, then non-zero segments. */
const communityCodes = fc
  .tuple(
    fc.integer({ min: 11, max: 82 }),
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 999 }),
    fc.integer({ min: 1, max: 999 }),
  )
  .map(([p, c, d, t, v]) => pad(p, 2) + pad(c, 2) + pad(d, 2) + pad(t, 3) + pad(v, 3));

/** Every ancestor of a code, nearest first, by following parentRegionCode to the province. */
function ancestors(code: string): string[] {
  const result: string[] = [];
  for (let parent = parentRegionCode(code); parent !== null; parent = parentRegionCode(parent)) result.push(parent);
  return result;
}

describe('region code (GB/T 2260 and statistics division codes)', () => {
  describe('shape', () => {
    it.each([['320000'], ['320706'], ['320706001'], ['320706001001']])('accepts %s', (code) => {
      expect(isRegionCode(code)).toBe(true);
    });

    it.each([[''], ['32070'], ['3207060'], ['32070600'], ['3207060010'], ['32070600100'], ['3207060010011'], ['32070A'], [' 320706']])(
      'refuses %j: only 6, 9 or 12 digits',
      (code) => {
        expect(isRegionCode(code)).toBe(false);
      },
    );
  });

  describe('level', () => {
    it.each([
      ['320000', 'province'], // 江苏省
      ['110000', 'province'], // 北京市, a municipality, is province-level
      ['320700', 'city'], // 连云港市
      ['320706', 'county'], // 海州区
      ['320703', 'county'], // 连云区
      ['320706001', 'town'], // a street (街道) of 海州区
      ['320706001001', 'community'], // a community of that street
    ])('%s is at %s level', (code, level) => {
      expect(regionLevel(code)).toBe(level);
    });
  });

  describe('prefix', () => {
    it.each([
      ['320000', '32'],
      ['320700', '3207'],
      ['320706', '320706'],
      ['320706001', '320706001'],
      ['320706001001', '320706001001'],
    ])('%s has the meaningful prefix %s (trailing 00 pairs dropped)', (code, prefix) => {
      expect(regionPrefix(code)).toBe(prefix);
    });
  });

  describe('parent', () => {
    it.each([
      ['320706001001', '320706001'],
      ['320706001', '320706'],
      ['320706', '320700'],
      ['320700', '320000'],
    ])('the parent of %s is %s', (code, parent) => {
      expect(parentRegionCode(code)).toBe(parent);
    });

    it('a province has no parent', () => {
      expect(parentRegionCode('320000')).toBeNull();
    });

    it('walks a community up to its province in four steps', () => {
      expect(ancestors('320706001001')).toEqual(['320706001', '320706', '320700', '320000']);
    });
  });

  describe('within', () => {
    it.each([
      ['320706001001', '320706', true],
      ['320706001001', '320700', true],
      ['320706001001', '320000', true],
      ['320706001001', '320706001', true],
      ['320706001001', '320706001001', true], // a region lies within itself
      ['320706', '320706', true],
      ['320706001001', '320703', false], // a sibling county
      ['320706001001', '320706002', false], // a sibling street
      ['320706001001', '320600', false], // another city
      ['320706001001', '330000', false], // another province
      ['320706', '320706001', false], // an ancestor is not within its descendant
      ['320700', '320706', false],
    ])('%s within %s: %s', (code, ancestor, expected) => {
      expect(isWithinRegion(code, ancestor)).toBe(expected);
    });

    it('puts any community within every one of its ancestors', () => {
      fc.assert(
        fc.property(communityCodes, (code) => {
          const chain = ancestors(code);
          expect(chain.map(regionLevel)).toEqual(['town', 'county', 'city', 'province']);
          for (const ancestor of chain) expect(isWithinRegion(code, ancestor)).toBe(true);
        }),
      );
    });

    it('never puts an ancestor within its own descendant', () => {
      fc.assert(
        fc.property(communityCodes, (code) => {
          const [town, county, city, province] = ancestors(code);
          expect(isWithinRegion(province ?? '', city ?? '')).toBe(false);
          expect(isWithinRegion(city ?? '', county ?? '')).toBe(false);
          expect(isWithinRegion(county ?? '', town ?? '')).toBe(false);
          expect(isWithinRegion(town ?? '', code)).toBe(false);
        }),
      );
    });

    it('keeps two different counties apart, down to their communities', () => {
      fc.assert(
        fc.property(communityCodes, communityCodes, (a, b) => {
          fc.pre(a.slice(0, 6) !== b.slice(0, 6));
          expect(isWithinRegion(a, b.slice(0, 6))).toBe(false);
          expect(isWithinRegion(b, a.slice(0, 6))).toBe(false);
        }),
      );
    });
  });
});

describe('the smallest region holding a set of codes', () => {
  it.each([
    [['320706'], '320706'],
    [['320706001001', '320706001002'], '320706001'],
    [['320706', '320703'], '320700'],
    [['320706001001', '320703001'], '320700'],
    [['320706', '110101'], null],
  ])('holds %j in %s', (codes, expected) => {
    expect(commonRegion(codes)).toBe(expected);
  });
});
