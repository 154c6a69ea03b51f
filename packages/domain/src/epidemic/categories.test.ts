import { describe, it, expect } from 'vitest';
import { BUILT_IN_CATEGORY_CODES, PERSON_CATEGORIES, findCategory, fourCategoryCodes, type PersonCategory } from './categories.js';

describe('person categories', () => {
  it('ships the seven built-in categories with their Chinese names', () => {
    expect(PERSON_CATEGORIES.map((c) => [c.code, c.name['zh-CN']])).toEqual([
      ['confirmed', '确诊病例'],
      ['suspected', '疑似病例'],
      ['asymptomatic', '无症状感染者'],
      ['close_contact', '密切接触者'],
      ['secondary_contact', '密接的密接（次密切接触者）'],
      ['arrival_key_area', '重点地区来返人员'],
      ['other_key_group', '其他重点人群'],
    ]);
    expect(PERSON_CATEGORIES.map((c) => c.code)).toEqual([...BUILT_IN_CATEGORY_CODES]);
  });

  it('names the city’s four categories (四类人员): confirmed, suspected, asymptomatic, close contacts', () => {
    expect(fourCategoryCodes()).toEqual(['confirmed', 'suspected', 'asymptomatic', 'close_contact']);
  });

  it.each([
    ['close_contact', 'lastExposureDate', undefined],
    ['secondary_contact', 'lastExposureDate', undefined],
    ['arrival_key_area', 'arrivalDate', undefined],
    ['confirmed', 'sampleDate', 'onsetDate'],
    ['asymptomatic', 'sampleDate', 'onsetDate'],
    ['suspected', 'reportDate', undefined],
  ])('starts the measures of %s from %s (fallback %s)', (code, field, fallback) => {
    const category = findCategory(code);
    expect(category?.startDateField).toBe(field);
    expect(category?.startDateFallback).toBe(fallback);
  });

  it('gives every category a unique code and both labels', () => {
    expect(new Set(PERSON_CATEGORIES.map((c) => c.code)).size).toBe(PERSON_CATEGORIES.length);
    for (const c of PERSON_CATEGORIES) {
      expect(c.name['zh-CN']).not.toBe('');
      expect(c.name.en).not.toBe('');
    }
  });

  it('lets a city use its own list, e.g. Wuhan’s of February 2020 with unexcluded fever patients', () => {
    const feverPatients: PersonCategory = {
      code: 'fever_unexcluded',
      name: { 'zh-CN': '不能排除感染可能的发热病人', en: 'Fever patient not yet ruled out' },
      fourCategories: true,
      startDateField: 'reportDate',
    };
    const wuhan = [...PERSON_CATEGORIES.filter((c) => c.code !== 'asymptomatic'), feverPatients];
    expect(fourCategoryCodes(wuhan)).toEqual(['confirmed', 'suspected', 'close_contact', 'fever_unexcluded']);
    expect(findCategory('fever_unexcluded', wuhan)).toBe(feverPatients);
    expect(findCategory('fever_unexcluded')).toBeUndefined();
  });
});
