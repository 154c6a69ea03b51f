/**
 * Travel control: "may this person travel to this destination now?" DESIGN.md "Travel control";
 * RULES.md "Epidemic control". Rules are data, (person categories or area levels) × destination →
 * deny or alert, dated like the policy editions. The check sits behind a checkpoint gate, so it
 * is a plain loop over the rules with fixed messages and no per-call set-up.
 */
import { isRegionCode, isWithinRegion } from '../regions/region-code.js';
import { fourCategoryCodes, type CategoryCode, type EpidemicText } from './categories.js';
import { addDays, isDate } from './dates.js';
import type { AreaRiskLevel } from './policy-editions.js';

/** Any one criterion that matches makes the condition match. */
export interface TravelCondition {
  readonly categories?: readonly CategoryCode[];
  readonly fromAreaLevels?: readonly Exclude<AreaRiskLevel, 'low'>[];
  /** Look-back for `fromAreaLevels`: the person left the area at most this many days before. Without it, every recent area given counts. */
  readonly withinDays?: number;
  /** The person was, at most this many days before, in a county with local infections. */
  readonly localInfectionWithinDays?: number;
}

export interface TravelRule {
  readonly id: string;
  readonly name: EpidemicText;
  /** A region code (a person going anywhere inside it is covered) or another destination key, matched exactly. */
  readonly destination: string;
  readonly effectiveFrom: string;
  /** First day no longer in force; null while in force. */
  readonly effectiveTo: string | null;
  readonly source: string;
  readonly verify?: boolean;
  readonly deny?: TravelCondition;
  readonly alert?: TravelCondition;
}

export interface RecentArea {
  readonly regionCode: string;
  /**
   * The highest level in force in that area while the person was there. Beijing's rules covered
   * a whole county once any area in it was graded, so the caller passes the county's highest level.
   */
  readonly level: AreaRiskLevel;
  /** Last day the person was there. */
  readonly until: string;
  /** The county had local infections (本土疫情) while the person was there. */
  readonly localInfection?: boolean;
}

export interface TravelCheckInput {
  readonly person: { readonly category: CategoryCode | null; readonly recentAreas: readonly RecentArea[] };
  readonly destination: string;
  readonly date: string;
}

export type TravelDecision = 'allow' | 'deny' | 'alert';

export type TravelReasonCode =
  | 'category_denied'
  | 'area_level_denied'
  | 'local_infection_denied'
  | 'category_alert'
  | 'area_level_alert'
  | 'local_infection_alert';

export interface TravelReason {
  readonly code: TravelReasonCode;
  readonly ruleId: string;
  readonly message: EpidemicText;
}

export interface TravelCheckResult {
  readonly decision: TravelDecision;
  /** Denials first, then alerts, each in rule order. */
  readonly reasons: readonly TravelReason[];
}

const MESSAGES: Readonly<Record<TravelReasonCode, EpidemicText>> = {
  category_denied: { 'zh-CN': '该人员所属类别不得前往该地', en: 'People of this category may not travel there' },
  area_level_denied: { 'zh-CN': '近期有中高风险地区所在县旅居史，不得前往该地', en: 'Recently in a county with medium- or high-risk areas; may not travel there' },
  local_infection_denied: { 'zh-CN': '近期有本土疫情所在县旅居史，不得前往该地', en: 'Recently in a county with local infections; may not travel there' },
  category_alert: { 'zh-CN': '重点管理人员，请通知目的地网格', en: 'Person under management: notify the destination grid' },
  area_level_alert: { 'zh-CN': '近期有中高风险地区所在县旅居史，请核查', en: 'Recently in a county with medium- or high-risk areas: check' },
  local_infection_alert: { 'zh-CN': '近期有本土疫情所在县旅居史，请核查', en: 'Recently in a county with local infections: check' },
};

export const TRAVEL_RULES: readonly TravelRule[] = [
  // The four categories are under isolation or quarantine, so they may not travel to a controlled
  // destination; other listed persons are let through with an alert to the grid there. In force
  // from the first national edition to Class B management, when the categories ceased to be managed.
  {
    id: 'beijing-four-categories',
    name: { 'zh-CN': '四类人员不得进京', en: 'The four categories may not enter Beijing' },
    destination: '110000',
    effectiveFrom: '2020-01-28',
    effectiveTo: '2023-01-08',
    source: 'DESIGN.md "Travel control" (the reference case: entering Beijing); dates follow POLICY_EDITIONS',
    deny: { categories: fourCategoryCodes() },
    alert: { categories: ['secondary_contact', 'arrival_key_area', 'other_key_group'] },
  },
  {
    id: 'beijing-2021-08-medium-high-counties',
    name: { 'zh-CN': '中高风险地区所在县（市、区、旗）人员禁止进京', en: 'No entry to Beijing from counties with medium- or high-risk areas' },
    destination: '110000',
    // RULES.md gives the month only; the first day, the 14-day look-back and the end are unchecked.
    effectiveFrom: '2021-08-01',
    effectiveTo: '2022-12-07',
    source: '北京市进返京管控措施，2021年8月（RULES.md "Epidemic control"）',
    verify: true,
    deny: { fromAreaLevels: ['medium', 'high'], withinDays: 14 },
  },
  {
    id: 'beijing-2022-03-local-infection-counties',
    name: {
      'zh-CN': '14天内有本土疫情所在县（市、区、旗）旅居史人员严格限制进返京；须持48小时内核酸阴性证明和健康宝绿码',
      en: 'Entry to Beijing strictly restricted after a stay in a county with local infections within 14 days; 48-hour negative test and green health code required',
    },
    destination: '110000',
    // "严格限制" is treated as deny; an exemption is a human decision outside this check. The
    // 48-hour test and the green code are checked at the gate and are not part of this rule.
    // RULES.md gives the month only; the first day and the end are unchecked.
    effectiveFrom: '2022-03-01',
    effectiveTo: '2022-12-07',
    source: '北京市进返京管控措施，2022年3月（RULES.md "Epidemic control"）',
    verify: true,
    deny: { localInfectionWithinDays: 14 },
  },
];

/**
 * Checks one journey against the rules in force on `date` whose destination covers `destination`.
 * Any denial makes the decision 'deny', else any alert 'alert', else 'allow'. Areas inside the
 * rule's own destination do not count: the rules are about coming in from elsewhere.
 */
export function checkTravel(input: TravelCheckInput, rules: readonly TravelRule[] = TRAVEL_RULES): TravelCheckResult {
  const { person, destination, date } = input;
  if (!isDate(date)) throw new RangeError('date must be a YYYY-MM-DD date');
  for (const area of person.recentAreas) {
    if (!isDate(area.until)) throw new RangeError('every recent area needs an until date YYYY-MM-DD');
  }
  const denials: TravelReason[] = [];
  const alerts: TravelReason[] = [];
  for (const rule of rules) {
    // Dates are validated YYYY-MM-DD strings, which order as the days they name.
    if (date < rule.effectiveFrom || (rule.effectiveTo !== null && date >= rule.effectiveTo)) continue;
    if (!covers(rule.destination, destination)) continue;
    if (rule.deny !== undefined) match(rule, rule.deny, person, date, denials, DENY_CODES);
    if (rule.alert !== undefined) match(rule, rule.alert, person, date, alerts, ALERT_CODES);
  }
  const decision: TravelDecision = denials.length > 0 ? 'deny' : alerts.length > 0 ? 'alert' : 'allow';
  return { decision, reasons: alerts.length === 0 ? denials : denials.concat(alerts) };
}

const DENY_CODES = { category: 'category_denied', area: 'area_level_denied', local: 'local_infection_denied' } as const;
const ALERT_CODES = { category: 'category_alert', area: 'area_level_alert', local: 'local_infection_alert' } as const;

function match(
  rule: TravelRule,
  condition: TravelCondition,
  person: TravelCheckInput['person'],
  date: string,
  into: TravelReason[],
  codes: { readonly category: TravelReasonCode; readonly area: TravelReasonCode; readonly local: TravelReasonCode },
): void {
  if (person.category !== null && condition.categories?.includes(person.category) === true) {
    into.push({ code: codes.category, ruleId: rule.id, message: MESSAGES[codes.category] });
  }
  const levels = condition.fromAreaLevels;
  if (levels !== undefined && levels.length > 0) {
    const since = condition.withinDays === undefined ? null : addDays(date, -condition.withinDays);
    const hit = person.recentAreas.some(
      (a) => a.level !== 'low' && levels.includes(a.level) && (since === null || a.until >= since) && !inside(a, rule.destination),
    );
    if (hit) into.push({ code: codes.area, ruleId: rule.id, message: MESSAGES[codes.area] });
  }
  if (condition.localInfectionWithinDays !== undefined) {
    const since = addDays(date, -condition.localInfectionWithinDays);
    const hit = person.recentAreas.some((a) => a.localInfection === true && a.until >= since && !inside(a, rule.destination));
    if (hit) into.push({ code: codes.local, ruleId: rule.id, message: MESSAGES[codes.local] });
  }
}

function covers(ruleDestination: string, destination: string): boolean {
  if (ruleDestination === destination) return true;
  return isRegionCode(ruleDestination) && isRegionCode(destination) && isWithinRegion(destination, ruleDestination);
}

function inside(area: RecentArea, ruleDestination: string): boolean {
  return isRegionCode(area.regionCode) && isRegionCode(ruleDestination) && isWithinRegion(area.regionCode, ruleDestination);
}
