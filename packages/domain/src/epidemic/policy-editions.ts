/**
 * Editions of the national COVID-19 prevention and control protocol (新冠肺炎防控方案) as dated data:
 * which measure each category of person gets, for how long, with which tests, and how risk areas
 * are graded. RULES.md "Epidemic control" is the table encoded here; entries with `verify: true`
 * come from secondary copies and are to be checked against the original documents.
 */
import type { CategoryCode, EpidemicText } from './categories.js';
import { isInEffect } from './dates.js';

export type ControlMeasure = 'hospital' | 'centralized_quarantine' | 'home_quarantine' | 'health_monitoring' | 'none';

/** `days: null` means the step lasts until the release condition is met. */
export interface MeasureStep {
  readonly measure: ControlMeasure;
  readonly days: number | null;
}

export interface ReleaseCondition {
  /** Consecutive negative tests needed, the last ones taken. */
  readonly negativeTests: number;
  /** Minimum time between those samples. */
  readonly hoursApart: number;
  /** Only samples from this day on count. */
  readonly fromDay?: number;
}

/**
 * What an edition prescribes for one category. Days are numbered from the start date, which is
 * day 0, as the protocols count them (入境当天为第0天; "末次暴露后第7天"): day n is n calendar days
 * after it. Steps follow each other: a step of N days ends N days after the previous one ended (the
 * first ends on day N), so "7 centralized + 3 home" is centralized to day 7, then home days 8–10.
 * `testDays` use the same numbering: "home monitoring day 3" after 7 centralized days is day 10.
 */
export interface MeasurePlanRule {
  readonly steps: readonly MeasureStep[];
  readonly testDays: readonly number[];
  readonly release?: ReleaseCondition;
  /** How soon a newly found person of the category must be reported through the direct-reporting system. */
  readonly reportWithinHours?: number;
  readonly verify?: boolean;
}

export type AreaRiskLevel = 'low' | 'medium' | 'high';
/** Higher is more severe. */
export const AREA_LEVEL_RANK: Readonly<Record<AreaRiskLevel, number>> = { low: 0, medium: 1, high: 2 };

export interface AreaLevelTransition {
  /** The level the area was given when its last new infection was found. */
  readonly from: AreaRiskLevel;
  readonly to: AreaRiskLevel;
  /** Full days with no new infection, counted after the day of the last one. */
  readonly daysWithoutNewInfection: number;
}

export interface AreaRules {
  /** The levels this edition designates; empty when it has no risk areas at all. */
  readonly levels: readonly AreaRiskLevel[];
  /** What one designation covers. */
  readonly unit: EpidemicText;
  readonly transitions: readonly AreaLevelTransition[];
  /** Measures for domestic travellers by the level of the area they came from. */
  readonly travelHistory?: Partial<Record<AreaRiskLevel, MeasurePlanRule>>;
  readonly verify?: boolean;
}

export interface EpidemicPolicyEdition {
  readonly code: string;
  readonly name: EpidemicText;
  /** First day in force. */
  readonly effectiveFrom: string;
  /** First day no longer in force (the next edition's first day); null while in force. */
  readonly effectiveTo: string | null;
  readonly source: string;
  readonly verify?: boolean;
  /** A category the edition does not mention is not managed under it. */
  readonly measures: Partial<Record<CategoryCode, MeasurePlanRule>>;
  readonly areaRules?: AreaRules;
  /** Cases in one place (school, housing estate…) that make a cluster outbreak, 聚集性疫情. */
  readonly clusterMinCases?: number;
}

/** Explicitly no measure: the category is recognised but nothing is imposed (e.g. Class B). */
const NO_MEASURE: MeasurePlanRule = { steps: [{ measure: 'none', days: 0 }], testDays: [] };

/**
 * Cases stay in hospital until discharged. Discharge also needs clinical criteria (3 days without
 * fever, improved lungs) that are the clinician's call; the rule only encodes the tests: two
 * consecutive negative samples at least 24 hours apart (诊疗方案, discharge criteria).
 */
const HOSPITAL_UNTIL_NEGATIVE: MeasurePlanRule = {
  steps: [{ measure: 'hospital', days: null }],
  testDays: [],
  release: { negativeTests: 2, hoursApart: 24 },
};

/**
 * From the 9th diagnosis and treatment protocol (2022) a sample with Ct ≥ 35 (N and ORF genes)
 * counts as negative for release; callers record such a result as 'negative'.
 */
const HOSPITAL_UNTIL_CT35: MeasurePlanRule = { ...HOSPITAL_UNTIL_NEGATIVE, verify: true };

const EARLY_2020: EpidemicPolicyEdition = {
  code: 'early_2020',
  name: { 'zh-CN': '2020年初防控方案（第三版至第六版）', en: 'Early 2020 protocol (3rd to 6th editions)' },
  effectiveFrom: '2020-01-28',
  effectiveTo: '2020-04-08',
  source:
    '国家卫生健康委《新型冠状病毒感染的肺炎防控方案（第三版）》2020-01-28 至（第六版）2020-03-07；' +
    '国务院联防联控机制《关于科学防治精准施策分区分级做好新冠肺炎疫情防控工作的指导意见》2020-02-17',
  verify: true,
  measures: {
    confirmed: HOSPITAL_UNTIL_NEGATIVE,
    suspected: HOSPITAL_UNTIL_NEGATIVE,
    // The 6th edition (2020-03-07) put asymptomatic infections in 14 days of centralized isolation.
    asymptomatic: { steps: [{ measure: 'centralized_quarantine', days: 14 }], testDays: [], verify: true },
    close_contact: { steps: [{ measure: 'centralized_quarantine', days: 14 }], testDays: [] },
    // Centralized quarantine of all inbound arrivals became national practice only in late March.
    arrival_key_area: { steps: [{ measure: 'centralized_quarantine', days: 14 }], testDays: [], verify: true },
  },
  areaRules: {
    levels: ['low', 'medium', 'high'],
    unit: { 'zh-CN': '县（市、区、旗）', en: 'county' },
    // Low means no new case for 14 days, whatever the level before (see classifyCounty2020).
    transitions: [
      { from: 'high', to: 'low', daysWithoutNewInfection: 14 },
      { from: 'medium', to: 'low', daysWithoutNewInfection: 14 },
    ],
    verify: true,
  },
};

const ASYMPTOMATIC_RULE_2020: EpidemicPolicyEdition = {
  code: 'asymptomatic_rule_2020',
  name: { 'zh-CN': '新冠病毒无症状感染者管理规范', en: 'Management rule for asymptomatic infections' },
  effectiveFrom: '2020-04-08',
  effectiveTo: '2020-09-15',
  source: '国务院应对新冠肺炎疫情联防联控机制综合组《新冠病毒无症状感染者管理规范》2020-04-08',
  measures: {
    ...EARLY_2020.measures,
    // 14 days and also two negative samples ≥ 24 h apart; reported within 2 hours.
    asymptomatic: {
      steps: [{ measure: 'centralized_quarantine', days: 14 }],
      testDays: [],
      release: { negativeTests: 2, hoursApart: 24 },
      reportWithinHours: 2,
    },
  },
  areaRules: EARLY_2020.areaRules,
};

/** From 2020 to mid 2021 a high area fell one level per 14 days without a new case. */
const AREA_RULES_2020_2021: AreaRules = {
  levels: ['low', 'medium', 'high'],
  unit: { 'zh-CN': '县（市、区、旗）或街道（乡镇）', en: 'county, or street / town' },
  transitions: [
    { from: 'high', to: 'medium', daysWithoutNewInfection: 14 },
    { from: 'high', to: 'low', daysWithoutNewInfection: 28 },
    { from: 'medium', to: 'low', daysWithoutNewInfection: 14 },
  ],
  verify: true,
};

const EDITION_7: EpidemicPolicyEdition = {
  code: 'edition_7',
  name: { 'zh-CN': '新型冠状病毒肺炎防控方案（第七版）', en: 'COVID-19 protocol, 7th edition' },
  effectiveFrom: '2020-09-15',
  effectiveTo: '2021-05-14',
  source: '国务院联防联控机制综合组《新型冠状病毒肺炎防控方案（第七版）》联防联控机制综发〔2020〕229号，2020-09-15 公布',
  measures: {
    ...ASYMPTOMATIC_RULE_2020.measures,
    // RULES.md gives 14 days but no test days for this edition.
    close_contact: { steps: [{ measure: 'centralized_quarantine', days: 14 }], testDays: [], verify: true },
    // RULES.md says only that secondary contacts were defined; the measure and length are unchecked.
    secondary_contact: { steps: [{ measure: 'home_quarantine', days: 14 }], testDays: [], verify: true },
    arrival_key_area: { steps: [{ measure: 'centralized_quarantine', days: 14 }], testDays: [] },
  },
  areaRules: AREA_RULES_2020_2021,
  clusterMinCases: 5,
};

/** 8th edition: tests on centralized days 1, 4, 7, 14; home-monitoring days 2 and 7 are days 16 and 21. */
const FOURTEEN_PLUS_SEVEN: MeasurePlanRule = {
  steps: [
    { measure: 'centralized_quarantine', days: 14 },
    { measure: 'health_monitoring', days: 7 },
  ],
  testDays: [1, 4, 7, 14, 16, 21],
  // The home-monitoring test days 16 and 21 are not in RULES.md.
  verify: true,
};

const EDITION_8: EpidemicPolicyEdition = {
  code: 'edition_8',
  name: { 'zh-CN': '新型冠状病毒肺炎防控方案（第八版）', en: 'COVID-19 protocol, 8th edition' },
  effectiveFrom: '2021-05-14',
  effectiveTo: '2022-06-28',
  source: '国务院联防联控机制综合组《新型冠状病毒肺炎防控方案（第八版）》联防联控机制综发〔2021〕51号，2021-05-14 公布',
  measures: {
    ...EDITION_7.measures,
    close_contact: FOURTEEN_PLUS_SEVEN,
    arrival_key_area: FOURTEEN_PLUS_SEVEN,
  },
  areaRules: AREA_RULES_2020_2021,
  clusterMinCases: 5,
};

/** 9th edition: tests on centralized days 1, 2, 3, 5, 7 and home-monitoring day 3 (day 10). */
const SEVEN_PLUS_THREE: MeasurePlanRule = {
  steps: [
    { measure: 'centralized_quarantine', days: 7 },
    { measure: 'health_monitoring', days: 3 },
  ],
  testDays: [1, 2, 3, 5, 7, 10],
};

const EDITION_9: EpidemicPolicyEdition = {
  code: 'edition_9',
  name: { 'zh-CN': '新型冠状病毒肺炎防控方案（第九版）', en: 'COVID-19 protocol, 9th edition' },
  effectiveFrom: '2022-06-28',
  effectiveTo: '2022-11-11',
  source: '国务院联防联控机制综合组《新型冠状病毒肺炎防控方案（第九版）》联防联控机制综发〔2022〕71号，2022-06-28 公布',
  measures: {
    ...EDITION_8.measures,
    confirmed: HOSPITAL_UNTIL_CT35,
    // Mild and asymptomatic infections went to makeshift hospitals (方舱医院).
    asymptomatic: HOSPITAL_UNTIL_CT35,
    close_contact: SEVEN_PLUS_THREE,
    // Test days 1, 4, 7 are not in RULES.md.
    secondary_contact: { steps: [{ measure: 'home_quarantine', days: 7 }], testDays: [1, 4, 7], verify: true },
    // RULES.md gives 7 + 3 for inbound arrivals; the test days are assumed equal to close contacts'.
    arrival_key_area: { ...SEVEN_PLUS_THREE, verify: true },
  },
  areaRules: {
    levels: ['low', 'medium', 'high'],
    unit: { 'zh-CN': '居住地、工作地、活动地等划定的风险区', en: 'place of residence, work or activity' },
    // High → medium after 7 days, → low after 3 more; medium → low after 7.
    transitions: [
      { from: 'high', to: 'medium', daysWithoutNewInfection: 7 },
      { from: 'high', to: 'low', daysWithoutNewInfection: 10 },
      { from: 'medium', to: 'low', daysWithoutNewInfection: 7 },
    ],
    // High: 7 days centralized; medium: 7 days home; low: 2 tests within 3 days. The test days of
    // the first two and the days of "3天2检" are not in RULES.md.
    travelHistory: {
      high: { steps: [{ measure: 'centralized_quarantine', days: 7 }], testDays: [1, 2, 3, 5, 7], verify: true },
      medium: { steps: [{ measure: 'home_quarantine', days: 7 }], testDays: [1, 4, 7], verify: true },
      low: { steps: [{ measure: 'health_monitoring', days: 3 }], testDays: [1, 3], verify: true },
    },
  },
};

/** "20 measures": tests on centralized days 1, 2, 3, 5 and home day 3 (day 8) are not in RULES.md. */
const FIVE_PLUS_THREE: MeasurePlanRule = {
  steps: [
    { measure: 'centralized_quarantine', days: 5 },
    { measure: 'home_quarantine', days: 3 },
  ],
  testDays: [1, 2, 3, 5, 8],
  verify: true,
};

const TWENTY_MEASURES: EpidemicPolicyEdition = {
  code: 'twenty_measures',
  name: { 'zh-CN': '进一步优化防控工作的二十条措施', en: 'The "20 measures"' },
  effectiveFrom: '2022-11-11',
  effectiveTo: '2022-12-07',
  source:
    '国务院联防联控机制综合组《关于进一步优化新冠肺炎疫情防控措施 科学精准做好防控工作的通知》' +
    '联防联控机制综发〔2022〕101号，2022-11-11',
  measures: {
    ...EDITION_9.measures,
    close_contact: FIVE_PLUS_THREE,
    // 不再判定密接的密接.
    secondary_contact: NO_MEASURE,
    arrival_key_area: FIVE_PLUS_THREE,
  },
  areaRules: {
    levels: ['low', 'high'],
    unit: { 'zh-CN': '楼栋', en: 'building' },
    transitions: [{ from: 'high', to: 'low', daysWithoutNewInfection: 5 }],
    // People leaving a high area: 7 days at home instead of centralized (not in RULES.md).
    travelHistory: { high: { steps: [{ measure: 'home_quarantine', days: 7 }], testDays: [], verify: true } },
  },
};

/**
 * "10 measures": mild and asymptomatic infections isolate at home, released after two samples on
 * days 6 and 7 with Ct ≥ 35 (recorded as negative); contacts 5 days at home (centralized if they
 * choose), released after a negative test on day 5. Test days are not in RULES.md.
 */
const HOME_UNTIL_DAY_6_AND_7: MeasurePlanRule = {
  steps: [{ measure: 'home_quarantine', days: null }],
  testDays: [6, 7],
  release: { negativeTests: 2, hoursApart: 24, fromDay: 6 },
  verify: true,
};

const TEN_MEASURES: EpidemicPolicyEdition = {
  code: 'ten_measures',
  name: { 'zh-CN': '进一步优化落实防控措施的新十条', en: 'The "10 measures"' },
  effectiveFrom: '2022-12-07',
  effectiveTo: '2023-01-08',
  source: '国务院联防联控机制综合组《关于进一步优化落实新冠肺炎疫情防控措施的通知》联防联控机制综发〔2022〕113号，2022-12-07',
  measures: {
    // Inbound arrivals kept "5 + 3" until Class B management; it is carried over.
    ...TWENTY_MEASURES.measures,
    confirmed: HOME_UNTIL_DAY_6_AND_7,
    asymptomatic: HOME_UNTIL_DAY_6_AND_7,
    close_contact: { steps: [{ measure: 'home_quarantine', days: 5 }], testDays: [5], verify: true },
  },
  areaRules: {
    levels: ['low', 'high'],
    unit: { 'zh-CN': '楼栋、单元、楼层、住户', en: 'building, entrance, floor or household' },
    transitions: [{ from: 'high', to: 'low', daysWithoutNewInfection: 5 }],
    verify: true,
  },
};

const CLASS_B: EpidemicPolicyEdition = {
  code: 'class_b',
  name: { 'zh-CN': '乙类乙管', en: 'Class B management' },
  effectiveFrom: '2023-01-08',
  effectiveTo: null,
  source: '国家卫生健康委 2022年第1号公告；《关于对新型冠状病毒感染实施"乙类乙管"的总体方案》2022-12-26，2023-01-08 起施行',
  // No isolation of infections, no contacts identified, no quarantine on arrival.
  measures: {
    confirmed: NO_MEASURE,
    suspected: NO_MEASURE,
    asymptomatic: NO_MEASURE,
    close_contact: NO_MEASURE,
    secondary_contact: NO_MEASURE,
    arrival_key_area: NO_MEASURE,
  },
  areaRules: { levels: [], unit: { 'zh-CN': '不再划定风险区', en: 'no risk areas' }, transitions: [] },
};

/** The national editions in date order, each ending the day the next begins. */
export const POLICY_EDITIONS: readonly EpidemicPolicyEdition[] = [
  EARLY_2020,
  ASYMPTOMATIC_RULE_2020,
  EDITION_7,
  EDITION_8,
  EDITION_9,
  TWENTY_MEASURES,
  TEN_MEASURES,
  CLASS_B,
];

/**
 * The edition in force on `date`, or null. Cities add their own editions by passing a merged list
 * (`[...POLICY_EDITIONS, ...cityEditions]`); when several are in force, the one with the latest
 * `effectiveFrom` wins, i.e. the most recent decision, so a city rule overrides the national one for
 * the days it covers and a later national edition overrides an older city rule. On equal
 * `effectiveFrom` the one later in the list wins.
 */
export function editionInForce(
  date: string,
  editions: readonly EpidemicPolicyEdition[] = POLICY_EDITIONS,
): EpidemicPolicyEdition | null {
  let best: EpidemicPolicyEdition | null = null;
  for (const edition of editions) {
    if (isInEffect(edition, date) && (best === null || edition.effectiveFrom >= best.effectiveFrom)) best = edition;
  }
  return best;
}
