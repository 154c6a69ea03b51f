import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BUILT_IN_CATEGORY_CODES, type CategoryCode } from './categories.js';
import { fromDayNumber, toDayNumber } from './dates.js';
import { TRAVEL_RULES, checkTravel, type RecentArea, type TravelDecision, type TravelReasonCode, type TravelRule } from './travel-rules.js';

/** 海州区, Lianyungang: the reference city, outside Beijing. */
const HAIZHOU = '320706';
const CHAOYANG_BEIJING = '110105';

const area = (until: string, level: RecentArea['level'], extra: Partial<RecentArea> = {}): RecentArea => ({
  regionCode: HAIZHOU,
  level,
  until,
  ...extra,
});

describe('travel check', () => {
  describe('entering Beijing (Chaoyang district) on 1 May 2022', () => {
    it.each<[string, CategoryCode | null, RecentArea[], TravelDecision, TravelReasonCode[]]>([
      ['a resident under no measure', null, [], 'allow', []],
      ['a close contact', 'close_contact', [], 'deny', ['category_denied']],
      ['a confirmed case', 'confirmed', [], 'deny', ['category_denied']],
      ['a suspected case', 'suspected', [], 'deny', ['category_denied']],
      ['an asymptomatic infection', 'asymptomatic', [], 'deny', ['category_denied']],
      ['a contact of a close contact', 'secondary_contact', [], 'alert', ['category_alert']],
      ['an arrival from a key area', 'arrival_key_area', [], 'alert', ['category_alert']],
      ['someone left a medium-risk county 6 days ago', null, [area('2022-04-25', 'medium')], 'deny', ['area_level_denied']],
      ['someone left a high-risk county exactly 14 days ago', null, [area('2022-04-17', 'high')], 'deny', ['area_level_denied']],
      ['someone left a medium-risk county 15 days ago', null, [area('2022-04-16', 'medium')], 'allow', []],
      ['someone from a low-risk county', null, [area('2022-04-30', 'low')], 'allow', []],
      ['someone left a county with local infections 11 days ago', null, [area('2022-04-20', 'low', { localInfection: true })], 'deny', ['local_infection_denied']],
      ['someone left a county with local infections 15 days ago', null, [area('2022-04-16', 'low', { localInfection: true })], 'allow', []],
      ['someone whose medium-risk area is inside Beijing', null, [area('2022-04-30', 'medium', { regionCode: '110105001' })], 'allow', []],
      [
        'a close contact from a medium-risk county with local infections',
        'close_contact',
        [area('2022-04-28', 'medium', { localInfection: true })],
        'deny',
        ['category_denied', 'area_level_denied', 'local_infection_denied'],
      ],
      ['an arrival from a medium-risk county, denied with the alert kept', 'arrival_key_area', [area('2022-04-28', 'medium')], 'deny', ['area_level_denied', 'category_alert']],
    ])('%s: %s', (_who, category, recentAreas, decision, codes) => {
      const result = checkTravel({ person: { category, recentAreas }, destination: CHAOYANG_BEIJING, date: '2022-05-01' });
      expect(result.decision).toBe(decision);
      expect(result.reasons.map((r) => r.code)).toEqual(codes);
    });
  });

  it.each<[string, string, string, CategoryCode | null, RecentArea[], TravelDecision]>([
    ['a close contact going to Shanghai, not a controlled destination', '2022-05-01', '310000', 'close_contact', [], 'allow'],
    ['a close contact entering Beijing itself', '2022-05-01', '110000', 'close_contact', [], 'deny'],
    ['a close contact under Class B management', '2023-01-08', '110000', 'close_contact', [], 'allow'],
    ['a close contact on the last day before Class B', '2023-01-07', '110000', 'close_contact', [], 'deny'],
    ['a medium-risk county before the August 2021 rule', '2021-07-31', '110000', null, [area('2021-07-30', 'medium')], 'allow'],
    ['a medium-risk county from the August 2021 rule', '2021-08-01', '110000', null, [area('2021-07-30', 'medium')], 'deny'],
    ['local infections before the March 2022 rule', '2022-02-28', '110000', null, [area('2022-02-27', 'low', { localInfection: true })], 'allow'],
    ['after the 10 measures ended cross-region checks', '2022-12-07', '110000', null, [area('2022-12-06', 'high', { localInfection: true })], 'allow'],
  ])('%s (%s → %s)', (_what, date, destination, category, recentAreas, decision) => {
    expect(checkTravel({ person: { category, recentAreas }, destination, date }).decision).toBe(decision);
  });

  it('names the rule and gives the reason in both languages', () => {
    const [reason] = checkTravel({ person: { category: 'close_contact', recentAreas: [] }, destination: '110000', date: '2022-05-01' }).reasons;
    expect(reason).toEqual({
      code: 'category_denied',
      ruleId: 'beijing-four-categories',
      message: { 'zh-CN': '该人员所属类别不得前往该地', en: 'People of this category may not travel there' },
    });
  });

  it('takes a city’s own rules for other destinations and non-code destination keys', () => {
    const rules: TravelRule[] = [
      {
        id: 'port-lockdown',
        name: { 'zh-CN': '港区封控（示例）', en: 'Port lockdown (example)' },
        destination: 'port:lianyungang',
        effectiveFrom: '2022-04-01',
        effectiveTo: null,
        source: 'example',
        alert: { fromAreaLevels: ['high'] },
      },
    ];
    const person = { category: null, recentAreas: [area('2021-01-01', 'high')] };
    expect(checkTravel({ person, destination: 'port:lianyungang', date: '2022-05-01' }, rules).decision).toBe('alert');
    expect(checkTravel({ person, destination: 'port:other', date: '2022-05-01' }, rules).decision).toBe('allow');
  });

  it('throws on dates that are not YYYY-MM-DD', () => {
    const person = { category: null, recentAreas: [area('2022-4-30', 'high')] };
    expect(() => checkTravel({ person, destination: '110000', date: '2022-05-01' })).toThrow(RangeError);
    expect(() => checkTravel({ person: { category: null, recentAreas: [] }, destination: '110000', date: '2022-5-1' })).toThrow(RangeError);
  });

  it('ships the Beijing rules of RULES.md, the dated ones marked [verify]', () => {
    expect(TRAVEL_RULES.map((r) => [r.id, r.verify === true])).toEqual([
      ['beijing-four-categories', false],
      ['beijing-2021-08-medium-high-counties', true],
      ['beijing-2022-03-local-infection-counties', true],
    ]);
  });

  describe('properties', () => {
    const dates = fc.integer({ min: toDayNumber('2019-12-01'), max: toDayNumber('2023-06-30') }).map(fromDayNumber);
    const areas = fc.array(
      fc.record({
        regionCode: fc.constantFrom(HAIZHOU, '320707', '110105', '310101'),
        level: fc.constantFrom<RecentArea['level']>('low', 'medium', 'high'),
        until: dates,
        localInfection: fc.boolean(),
      }),
      { maxLength: 5 },
    );
    const inputs = fc.record({
      person: fc.record({ category: fc.option(fc.constantFrom(...BUILT_IN_CATEGORY_CODES)), recentAreas: areas }),
      destination: fc.constantFrom('110000', '110105', '310000', '320700'),
      date: dates,
    });

    it('decides deny exactly when a denial is given, else alert exactly when an alert is, and cites only rules in force', () => {
      fc.assert(
        fc.property(inputs, (input) => {
          const { decision, reasons } = checkTravel(input);
          const denied = reasons.some((r) => r.code.endsWith('_denied'));
          expect(decision).toBe(denied ? 'deny' : reasons.length > 0 ? 'alert' : 'allow');
          for (const r of reasons) {
            const rule = TRAVEL_RULES.find((x) => x.id === r.ruleId);
            expect(rule !== undefined && rule.effectiveFrom <= input.date && (rule.effectiveTo === null || input.date < rule.effectiveTo)).toBe(true);
          }
        }),
      );
    });

    it('never lets one more recent area turn a denial into anything else', () => {
      fc.assert(
        fc.property(inputs, areas, (input, more) => {
          if (checkTravel(input).decision !== 'deny') return;
          const widened = { ...input, person: { ...input.person, recentAreas: [...input.person.recentAreas, ...more] } };
          expect(checkTravel(widened).decision).toBe('deny');
        }),
      );
    });
  });

  it('answers a checkpoint queue quickly: 20,000 checks well under a second', () => {
    const people = Array.from({ length: 100 }, (_, i) => ({
      category: i % 10 === 0 ? ('close_contact' as const) : null,
      recentAreas: [area('2022-04-20', i % 3 === 0 ? 'medium' : 'low'), area('2022-04-28', 'low', { localInfection: i % 7 === 0 })],
    }));
    const started = performance.now();
    let denied = 0;
    for (let i = 0; i < 20_000; i++) {
      const person = people[i % people.length] ?? { category: null, recentAreas: [] };
      if (checkTravel({ person, destination: '110105', date: '2022-05-01' }).decision === 'deny') denied++;
    }
    expect(denied).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
