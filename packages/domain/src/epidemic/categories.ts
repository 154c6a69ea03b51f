/**
 * Categories of persons under epidemic management (人员分类管理). DESIGN.md "Persons under
 * management"; RULES.md "Epidemic control". The set is data, not a type: the reference city's
 * four categories (四类人员) are confirmed, suspected, asymptomatic and close contacts, but the
 * original Wuhan list of February 2020 had "fever patients who cannot be ruled out" in place of
 * asymptomatic infections, so a city may add or replace categories.
 */

/** A user-facing text in the two languages the platform ships: zh-CN first, English second. */
export interface EpidemicText {
  readonly 'zh-CN': string;
  readonly en: string;
}

export const BUILT_IN_CATEGORY_CODES = [
  'confirmed',
  'suspected',
  'asymptomatic',
  'close_contact',
  'secondary_contact',
  'arrival_key_area',
  'other_key_group',
] as const;
export type BuiltInCategoryCode = (typeof BUILT_IN_CATEGORY_CODES)[number];
/** Any category code; the built-in ones are named so editors complete them. */
export type CategoryCode = BuiltInCategoryCode | (string & {});

/** The dated facts about a person from which a measure can start. */
export type StartDateField = 'lastExposureDate' | 'arrivalDate' | 'sampleDate' | 'onsetDate' | 'reportDate';

export interface PersonCategory {
  readonly code: CategoryCode;
  readonly name: EpidemicText;
  /** One of the city's 四类人员, which are denied travel to controlled destinations. */
  readonly fourCategories: boolean;
  /** The fact whose date is day 0 of the person's measures. */
  readonly startDateField: StartDateField;
  /** Used when the person has no `startDateField` date. */
  readonly startDateFallback?: StartDateField;
}

export const PERSON_CATEGORIES: readonly PersonCategory[] = [
  // An infection is managed from its positive sample; a case diagnosed on symptoms before any
  // sample was taken falls back to the onset date.
  {
    code: 'confirmed',
    name: { 'zh-CN': '确诊病例', en: 'Confirmed case' },
    fourCategories: true,
    startDateField: 'sampleDate',
    startDateFallback: 'onsetDate',
  },
  // A suspected case is isolated from the moment it is reported, before any test confirms it.
  {
    code: 'suspected',
    name: { 'zh-CN': '疑似病例', en: 'Suspected case' },
    fourCategories: true,
    startDateField: 'reportDate',
  },
  {
    code: 'asymptomatic',
    name: { 'zh-CN': '无症状感染者', en: 'Asymptomatic infection' },
    fourCategories: true,
    startDateField: 'sampleDate',
    startDateFallback: 'onsetDate',
  },
  // Contacts are counted from the last unprotected exposure, not from when tracing found them:
  // the protocols count the observation period from 最后一次无有效防护接触.
  {
    code: 'close_contact',
    name: { 'zh-CN': '密切接触者', en: 'Close contact' },
    fourCategories: true,
    startDateField: 'lastExposureDate',
  },
  {
    code: 'secondary_contact',
    name: { 'zh-CN': '密接的密接（次密切接触者）', en: 'Contact of a close contact' },
    fourCategories: false,
    startDateField: 'lastExposureDate',
  },
  // Arrivals are counted from the day of arrival (入境当天为第0天).
  {
    code: 'arrival_key_area',
    name: { 'zh-CN': '重点地区来返人员', en: 'Arrival from a key area' },
    fourCategories: false,
    startDateField: 'arrivalDate',
  },
  // Groups the city lists itself (e.g. cold-chain workers); the national editions set no
  // measure for them, so a city edition must.
  {
    code: 'other_key_group',
    name: { 'zh-CN': '其他重点人群', en: 'Other key group' },
    fourCategories: false,
    startDateField: 'reportDate',
  },
];

export function findCategory(
  code: CategoryCode,
  categories: readonly PersonCategory[] = PERSON_CATEGORIES,
): PersonCategory | undefined {
  return categories.find((c) => c.code === code);
}

/** The codes of the four categories (四类人员) in a category set, in its order. */
export function fourCategoryCodes(categories: readonly PersonCategory[] = PERSON_CATEGORIES): CategoryCode[] {
  return categories.filter((c) => c.fourCategories).map((c) => c.code);
}
