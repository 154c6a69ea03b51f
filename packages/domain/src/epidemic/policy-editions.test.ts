import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from './dates.js';
import { POLICY_EDITIONS, editionInForce, type EpidemicPolicyEdition, type MeasurePlanRule } from './policy-editions.js';

const edition = (code: string): EpidemicPolicyEdition => {
  const found = POLICY_EDITIONS.find((e) => e.code === code);
  if (found === undefined) throw new Error(`no edition ${code}`);
  return found;
};
/** A rule written the way RULES.md's table writes it: "7 centralized + 3 health_monitoring". */
const steps = (rule: MeasurePlanRule | undefined): string =>
  rule === undefined ? '—' : rule.steps.map((s) => `${s.days ?? 'until release'} ${s.measure}`).join(' + ');

describe('national policy editions', () => {
  it('follow each other without gap or overlap from 28 Jan 2020, the last still in force', () => {
    expect(POLICY_EDITIONS[0]?.effectiveFrom).toBe('2020-01-28');
    POLICY_EDITIONS.forEach((e, i) => {
      const next = POLICY_EDITIONS[i + 1];
      expect(e.effectiveTo).toBe(next === undefined ? null : next.effectiveFrom);
    });
  });

  it('name a source and both labels for every edition', () => {
    for (const e of POLICY_EDITIONS) {
      expect(e.source).not.toBe('');
      expect(e.name['zh-CN']).not.toBe('');
      expect(e.name.en).not.toBe('');
    }
  });

  describe('edition in force', () => {
    it.each([
      ['2020-01-27', null],
      ['2020-01-28', 'early_2020'],
      ['2020-04-07', 'early_2020'],
      ['2020-04-08', 'asymptomatic_rule_2020'],
      ['2020-09-14', 'asymptomatic_rule_2020'],
      ['2020-09-15', 'edition_7'],
      ['2021-05-13', 'edition_7'],
      ['2021-05-14', 'edition_8'],
      ['2022-06-27', 'edition_8'],
      ['2022-06-28', 'edition_9'],
      ['2022-11-10', 'edition_9'],
      ['2022-11-11', 'twenty_measures'],
      ['2022-12-06', 'twenty_measures'],
      ['2022-12-07', 'ten_measures'],
      ['2023-01-07', 'ten_measures'],
      ['2023-01-08', 'class_b'],
      ['2030-06-01', 'class_b'],
    ])('on %s is %s', (date, code) => {
      expect(editionInForce(date)?.code ?? null).toBe(code);
    });

    const cityRule: EpidemicPolicyEdition = {
      code: 'city_2022_08',
      name: { 'zh-CN': '市疫情防控指挥部通告（示例）', en: 'City notice (example)' },
      effectiveFrom: '2022-08-01',
      effectiveTo: null,
      source: 'example',
      measures: { close_contact: { steps: [{ measure: 'centralized_quarantine', days: 14 }], testDays: [] } },
    };

    it('lets a city edition override the national one for the days it covers', () => {
      const merged = [...POLICY_EDITIONS, cityRule];
      expect(editionInForce('2022-07-31', merged)?.code).toBe('edition_9');
      expect(editionInForce('2022-08-01', merged)?.code).toBe('city_2022_08');
    });

    it('lets a later national edition override an older city edition still open', () => {
      expect(editionInForce('2022-11-11', [...POLICY_EDITIONS, cityRule])?.code).toBe('twenty_measures');
    });

    it('prefers the edition later in the list when two start the same day', () => {
      const sameDay = { ...cityRule, code: 'city_same_day', effectiveFrom: '2022-06-28' };
      expect(editionInForce('2022-07-01', [...POLICY_EDITIONS, sameDay])?.code).toBe('city_same_day');
      expect(editionInForce('2022-07-01', [sameDay, ...POLICY_EDITIONS])?.code).toBe('edition_9');
    });

    it('finds, for any day since 28 Jan 2020, the one national edition whose range holds it', () => {
      const days = fc.integer({ min: toDayNumber('2020-01-28'), max: toDayNumber('2035-12-31') }).map(fromDayNumber);
      fc.assert(
        fc.property(days, (date) => {
          const holding = POLICY_EDITIONS.filter((e) => e.effectiveFrom <= date && (e.effectiveTo === null || date < e.effectiveTo));
          expect(holding).toHaveLength(1);
          expect(editionInForce(date)).toBe(holding[0]);
        }),
      );
    });

    it('throws on a date that is not YYYY-MM-DD rather than answering for the wrong day', () => {
      expect(() => editionInForce('2022/06/28')).toThrow(RangeError);
    });
  });

  describe('close contacts, secondary contacts and arrivals (RULES.md table)', () => {
    it.each([
      ['early_2020', '14 centralized_quarantine', '—', '14 centralized_quarantine'],
      ['asymptomatic_rule_2020', '14 centralized_quarantine', '—', '14 centralized_quarantine'],
      ['edition_7', '14 centralized_quarantine', '14 home_quarantine', '14 centralized_quarantine'],
      ['edition_8', '14 centralized_quarantine + 7 health_monitoring', '14 home_quarantine', '14 centralized_quarantine + 7 health_monitoring'],
      ['edition_9', '7 centralized_quarantine + 3 health_monitoring', '7 home_quarantine', '7 centralized_quarantine + 3 health_monitoring'],
      ['twenty_measures', '5 centralized_quarantine + 3 home_quarantine', '0 none', '5 centralized_quarantine + 3 home_quarantine'],
      ['ten_measures', '5 home_quarantine', '0 none', '5 centralized_quarantine + 3 home_quarantine'],
      ['class_b', '0 none', '0 none', '0 none'],
    ])('%s: close contacts %s; secondary contacts %s; arrivals %s', (code, close, secondary, arrival) => {
      const { measures } = edition(code);
      expect(steps(measures.close_contact)).toBe(close);
      expect(steps(measures.secondary_contact)).toBe(secondary);
      expect(steps(measures.arrival_key_area)).toBe(arrival);
    });

    it.each([
      ['edition_8', [1, 4, 7, 14, 16, 21]],
      ['edition_9', [1, 2, 3, 5, 7, 10]],
      ['ten_measures', [5]],
    ])('%s tests close contacts on days %j', (code, days) => {
      expect(edition(code).measures.close_contact?.testDays).toEqual(days);
    });
  });

  describe('infections', () => {
    it('isolates asymptomatic infections 14 days under the 2020 rule, released after 2 negatives ≥ 24 h apart, reported within 2 h', () => {
      const rule = edition('asymptomatic_rule_2020').measures.asymptomatic;
      expect(steps(rule)).toBe('14 centralized_quarantine');
      expect(rule?.release).toEqual({ negativeTests: 2, hoursApart: 24 });
      expect(rule?.reportWithinHours).toBe(2);
    });

    it.each(['early_2020', 'asymptomatic_rule_2020', 'edition_7', 'edition_8', 'edition_9', 'twenty_measures'])(
      'sends confirmed cases to hospital until released under %s',
      (code) => {
        expect(steps(edition(code).measures.confirmed)).toBe('until release hospital');
        expect(edition(code).measures.confirmed?.release?.negativeTests).toBe(2);
      },
    );

    it('isolates mild and asymptomatic infections at home under the 10 measures, counting samples from day 6', () => {
      const rule = edition('ten_measures').measures.asymptomatic;
      expect(steps(rule)).toBe('until release home_quarantine');
      expect(rule?.release).toEqual({ negativeTests: 2, hoursApart: 24, fromDay: 6 });
    });

    it('imposes nothing on anyone under Class B management', () => {
      for (const rule of Object.values(edition('class_b').measures)) expect(steps(rule)).toBe('0 none');
    });
  });

  it('leaves the city’s own key groups to city editions', () => {
    for (const e of POLICY_EDITIONS) expect(e.measures.other_key_group).toBeUndefined();
  });

  it('marks exactly these items [verify] (RULES.md: from secondary copies, to be checked)', () => {
    const marked: string[] = [];
    for (const e of POLICY_EDITIONS) {
      if (e.verify === true) marked.push(e.code);
      for (const [category, rule] of Object.entries(e.measures)) if (rule?.verify === true) marked.push(`${e.code}.${category}`);
      if (e.areaRules?.verify === true) marked.push(`${e.code}.areaRules`);
      for (const [level, rule] of Object.entries(e.areaRules?.travelHistory ?? {})) {
        if (rule?.verify === true) marked.push(`${e.code}.travelHistory.${level}`);
      }
    }
    expect(marked).toEqual([
      'early_2020',
      'early_2020.asymptomatic',
      'early_2020.arrival_key_area',
      'early_2020.areaRules',
      'asymptomatic_rule_2020.arrival_key_area',
      'asymptomatic_rule_2020.areaRules',
      'edition_7.close_contact',
      'edition_7.secondary_contact',
      'edition_7.areaRules',
      'edition_8.close_contact',
      'edition_8.arrival_key_area',
      'edition_8.secondary_contact',
      'edition_8.areaRules',
      'edition_9.confirmed',
      'edition_9.asymptomatic',
      'edition_9.arrival_key_area',
      'edition_9.secondary_contact',
      'edition_9.travelHistory.high',
      'edition_9.travelHistory.medium',
      'edition_9.travelHistory.low',
      'twenty_measures.confirmed',
      'twenty_measures.asymptomatic',
      'twenty_measures.close_contact',
      'twenty_measures.arrival_key_area',
      'twenty_measures.travelHistory.high',
      'ten_measures.confirmed',
      'ten_measures.asymptomatic',
      'ten_measures.close_contact',
      'ten_measures.arrival_key_area',
      'ten_measures.areaRules',
    ]);
  });
});
