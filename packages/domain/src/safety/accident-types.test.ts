import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ACCIDENT_CONTEXTS, ACCIDENT_TYPES, ROAD_OR_FIRE_CONTEXTS, isAccidentContext, isAccidentType } from './accident-types.js';

describe('accident types (GB 6441-86)', () => {
  it('lists the 20 categories in the order of the standard', () => {
    expect(ACCIDENT_TYPES.map((t) => t['zh-CN'])).toEqual([
      '物体打击', '车辆伤害', '机械伤害', '起重伤害', '触电', '淹溺', '灼烫', '火灾', '高处坠落', '坍塌',
      '冒顶片帮', '透水', '放炮', '火药爆炸', '瓦斯爆炸', '锅炉爆炸', '容器爆炸', '其它爆炸', '中毒和窒息', '其它伤害',
    ]);
  });

  it('gives every category a unique snake_case code and an English name', () => {
    const codes = ACCIDENT_TYPES.map((t) => t.code);
    expect(new Set(codes).size).toBe(20);
    for (const t of ACCIDENT_TYPES) {
      expect(t.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(t.en.trim()).not.toBe('');
    }
  });

  it.each([['object_strike'], ['fire'], ['poisoning_or_asphyxiation'], ['other_injury']])('recognises %s', (code) => {
    expect(isAccidentType(code)).toBe(true);
  });

  it.each([[''], ['物体打击'], ['Object_Strike'], ['road_traffic'], ['toString'], ['constructor']])('does not recognise %j', (code) => {
    expect(isAccidentType(code)).toBe(false);
  });

  it('recognises exactly the listed codes', () => {
    const codes = new Set<string>(ACCIDENT_TYPES.map((t) => t.code));
    fc.assert(fc.property(fc.string(), (s) => isAccidentType(s) === codes.has(s)));
  });
});

describe('accident context (Order 493 art. 13)', () => {
  it('gives road traffic and fire accidents, and only them, the short supplementary window', () => {
    expect([...ROAD_OR_FIRE_CONTEXTS].sort()).toEqual(['fire', 'road_traffic']);
    expect(ACCIDENT_CONTEXTS.filter((c) => !ROAD_OR_FIRE_CONTEXTS.includes(c))).toEqual(['other']);
  });

  it.each([['road_traffic', true], ['fire', true], ['other', true], ['vehicle_injury', false], ['', false]])(
    'treats %j as a context: %s',
    (value, expected) => {
      expect(isAccidentContext(value)).toBe(expected);
    },
  );
});
